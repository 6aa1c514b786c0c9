namespace PgPlatform.Components.Contract;

/// <summary>
/// One broken rule: which rule, which object, which field, what is wrong and how to fix it. The field, message and fix
/// are redacted when the violation is made (<see cref="SecretText.Redact"/>), so no report, log or exception built from a
/// violation (text, JSON, SARIF, the synthesis gate) can print a secret-looking value a rule quoted from a manifest.
/// </summary>
public sealed record Violation(string RuleId, string Title, Manifest Manifest, string Field, string Message, string Fix)
{
    /// <summary>The offending field's path, redacted.</summary>
    public string Field { get; } = SecretText.Redact(Field);

    /// <summary>What is wrong, redacted.</summary>
    public string Message { get; } = SecretText.Redact(Message);

    /// <summary>How to fix it, redacted.</summary>
    public string Fix { get; } = SecretText.Redact(Fix);

    /// <summary>The line of the offending field in <see cref="Manifest.Source"/> (the object's line when the field is not there).</summary>
    public int Line => Manifest.LineOf(Field);

    /// <summary><c>RULE kind/namespace/name field: message. Fix: ...</c></summary>
    public override string ToString() => $"{RuleId} {Manifest.Reference} {Field}: {Message}. Fix: {Fix}";
}
