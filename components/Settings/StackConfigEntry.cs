namespace PgPlatform.Components.Settings;

/// <summary>One <c>pulumi config set</c> call that gives a stack one of its settings.</summary>
/// <param name="Key">The namespaced key (<c>pg-platform:tier</c>), or with <paramref name="IsPath"/> a path into a structured value (<c>pg-platform:databases[0].recoverFrom.stack</c>).</param>
/// <param name="Value">The value, as the command line passes it.</param>
/// <param name="IsPath">Set with <c>--path</c>, so that <paramref name="Key"/> addresses a field of a list or map.</param>
public sealed record StackConfigEntry(string Key, string Value, bool IsPath);
