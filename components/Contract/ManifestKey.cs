namespace PgPlatform.Components.Contract;

/// <summary>
/// A value the rules look objects up by (a name, a referenced Cluster, a selected label), read from each object once:
/// <see cref="ManifestSet"/> indexes every object of a kind by it on first use, so a lookup costs the matches, not the set.
/// Keys are compared by reference: declare each as a static field.
/// </summary>
public sealed class ManifestKey(string description, Func<Manifest, IEnumerable<string>> values)
{
    /// <summary><c>metadata.name</c>.</summary>
    public static readonly ManifestKey Name = new("metadata.name", m => [m.Name]);

    /// <summary>What the key reads, for messages and debugging.</summary>
    public string Description { get; } = description;

    /// <summary>The values <paramref name="manifest"/> is found under (none: never found).</summary>
    public IEnumerable<string> ValuesOf(Manifest manifest) => values(manifest);

    /// <summary>A key with one value (or none when <paramref name="value"/> returns null).</summary>
    public static ManifestKey Single(string description, Func<Manifest, string?> value) => new(description, m => value(m) is { } v ? [v] : []);

    /// <inheritdoc />
    public override string ToString() => Description;
}
