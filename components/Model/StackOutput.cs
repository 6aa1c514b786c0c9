namespace PgPlatform.Components.Model;

/// <summary>A stack output: what an application or a drill needs after deployment.</summary>
public sealed record StackOutput(string Name, object Value);
