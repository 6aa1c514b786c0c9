namespace PgPlatform.Components.Contract;

/// <summary>One broken rule: which rule, which object, which field, what is wrong and how to fix it.</summary>
public sealed record Violation(string RuleId, string Title, Manifest Manifest, string Field, string Message, string Fix)
{
    /// <summary>The line of the offending field in <see cref="Manifest.Source"/> (the object's line when the field is not there).</summary>
    public int Line => Manifest.LineOf(Field);

    /// <summary><c>RULE kind/namespace/name field: message. Fix: ...</c></summary>
    public override string ToString() => $"{RuleId} {Manifest.Reference} {Field}: {Message}. Fix: {Fix}";
}
