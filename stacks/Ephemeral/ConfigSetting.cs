namespace PgPlatform.Stacks.Ephemeral;

/// <summary>One <c>pulumi config set</c> of an ephemeral stack.</summary>
/// <param name="Key">The namespaced key (<c>pg-platform:tier</c>), or with <paramref name="IsPath"/> a path into a structured value (<c>pg-platform:databases[0].name</c>).</param>
/// <param name="Value">The value.</param>
/// <param name="IsSecret">Stored encrypted with <c>--secret</c>; the value goes to the CLI on standard input, never in its arguments, and is redacted from every error and log line.</param>
/// <param name="IsPath">Set with <c>--path</c>, so that <paramref name="Key"/> addresses a field of a list or map.</param>
public sealed record ConfigSetting(string Key, string Value, bool IsSecret = false, bool IsPath = false)
{
    /// <summary>Hides the value of a secret setting, so records printed in logs or test failures never show it.</summary>
    public override string ToString() => $"{Key} = {(IsSecret ? "[secret]" : Value)}{(IsPath ? " (path)" : "")}";
}
