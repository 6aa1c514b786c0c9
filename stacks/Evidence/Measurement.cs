namespace PgPlatform.Stacks.Evidence;

/// <summary>One named number or fact a drill observed, as text with its unit.</summary>
/// <param name="Name">What was measured (<c>promotion time</c>).</param>
/// <param name="Value">The value with its unit (<c>3.21 s</c>).</param>
public sealed record Measurement(string Name, string Value);
