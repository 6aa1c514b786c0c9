namespace PgPlatform.Components.Serialization;

/// <summary>
/// Hard limits on YAML input, enforced while reading so that hostile input (an alias bomb, thousands of nested
/// brackets, a huge or endless file) ends in a one-line error instead of exhausting memory, time or the stack
/// (README, "Limits"). Aliases are expanded into copies, so they count against <see cref="MaxNodes"/> as well
/// as <see cref="MaxAliasNodes"/>: the "billion laughs" attack Kubernetes itself once fell to (CVE-2019-11253,
/// kubernetes/kubernetes#83253) is refused after a bounded amount of work.
/// </summary>
public sealed record YamlLimits
{
    /// <summary>Largest file read, in bytes.</summary>
    public required long MaxFileBytes { get; init; }

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public required int MaxDepth { get; init; }

    /// <summary>Most nodes (scalars, mappings, sequences, alias copies included) in one file.</summary>
    public required long MaxNodes { get; init; }

    /// <summary>Most nodes that aliases may copy in one file.</summary>
    public required long MaxAliasNodes { get; init; }

    /// <summary>
    /// Limits for manifests read by <c>check</c>. 16 MiB per file is ten times the largest object etcd stores
    /// (1.5 MiB, etcd's default --max-request-bytes), room for a whole rendered chart; depth 64 is what
    /// System.Text.Json accepts by default (JsonSerializerOptions.MaxDepth), which every manifest passes through.
    /// </summary>
    public static YamlLimits Manifests { get; } = new() { MaxFileBytes = 16L << 20, MaxDepth = 64, MaxNodes = 4_000_000, MaxAliasNodes = 100_000 };

    /// <summary>Limits for hand-edited stack files: a few kilobytes in practice.</summary>
    public static YamlLimits StackFile { get; } = new() { MaxFileBytes = 1L << 20, MaxDepth = 32, MaxNodes = 200_000, MaxAliasNodes = 10_000 };

    /// <summary>A byte count for messages: <c>16 MiB</c>, <c>1 MiB</c>, or bytes.</summary>
    public static string Bytes(long bytes) => bytes % (1 << 20) == 0 ? $"{bytes >> 20} MiB" : bytes % 1024 == 0 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";
}
