namespace PgPlatform.Components.Contract;

/// <summary>One broken rule: which rule, which object, which field, what is wrong and how to fix it.</summary>
public sealed record Violation(string RuleId, string Title, Manifest Manifest, string Field, string Message, string Fix)
{
    /// <summary><c>RULE kind/namespace/name field: message. Fix: ...</c></summary>
    public override string ToString() => $"{RuleId} {Manifest.Reference} {Field}: {Message}. Fix: {Fix}";
}
