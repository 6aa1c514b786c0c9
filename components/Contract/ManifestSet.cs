namespace PgPlatform.Components.Contract;

/// <summary>
/// All objects under check, indexed once per run for the rules that look across objects: by kind and namespace, and by
/// any <see cref="ManifestKey"/> a rule asks for (built on first use). A lookup visits only the objects it may return, and
/// <see cref="Examined"/> counts them, so a test can prove that checking stays linear in the number of objects.
/// </summary>
public sealed class ManifestSet
{
    private readonly Dictionary<Manifest, int> _order = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Index> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, ManifestKey Key), Index> _byKey = [];
    private readonly Lock _lock = new();
    private long _examined;

    /// <summary>Indexes <paramref name="manifests"/> by kind and namespace.</summary>
    public ManifestSet(IReadOnlyList<Manifest> manifests)
    {
        All = manifests;
        for (var i = 0; i < manifests.Count; i++)
        {
            var manifest = manifests[i];
            _order.TryAdd(manifest, i);
            if (!_byKind.TryGetValue(manifest.Kind, out var index))
            {
                _byKind[manifest.Kind] = index = new Index();
            }

            index.Add(string.Empty, manifest);
        }
    }

    /// <summary>Every object, in input order.</summary>
    public IReadOnlyList<Manifest> All { get; }

    /// <summary>How many candidate objects the lookups have visited so far (the work the cross-object rules did).</summary>
    public long Examined => Interlocked.Read(ref _examined);

    /// <summary>
    /// Objects of <paramref name="kind"/> in <paramref name="group"/> whose <paramref name="key"/> is <paramref name="value"/>, in the
    /// namespace of <paramref name="near"/> (<see cref="SameNamespace"/>), in input order.
    /// </summary>
    public IEnumerable<Manifest> Find(Manifest near, string group, string kind, ManifestKey key, string value) =>
        Matching(near, group, KeyIndex(kind, key), value);

    /// <summary>The first object of <paramref name="kind"/> in <paramref name="group"/> in the namespace of <paramref name="near"/>, or null.</summary>
    public Manifest? First(Manifest near, string group, string kind) =>
        _byKind.TryGetValue(kind, out var index) ? Matching(near, group, index, string.Empty).FirstOrDefault(m => m.Is(group, kind)) : null;

    /// <summary>The position of <paramref name="manifest"/> in the input.</summary>
    public int OrderOf(Manifest manifest) => _order[manifest];

    /// <summary>Namespaces match when equal, or when either manifest leaves its namespace to kustomize or kubectl.</summary>
    public static bool SameNamespace(Manifest a, Manifest b) => a.Namespace is null || b.Namespace is null || a.Namespace == b.Namespace;

    private Index KeyIndex(string kind, ManifestKey key)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue((kind, key), out var built))
            {
                return built;
            }

            var index = new Index();
            if (_byKind.TryGetValue(kind, out var ofKind))
            {
                foreach (var manifest in ofKind.Everything)
                {
                    foreach (var value in key.ValuesOf(manifest).Distinct(StringComparer.Ordinal))
                    {
                        index.Add(value, manifest);
                    }
                }
            }

            _byKey[(kind, key)] = index;
            return index;
        }
    }

    /// <summary>Candidates under <paramref name="value"/> in the namespace of <paramref name="near"/>, merged in input order, counted as visited.</summary>
    private IEnumerable<Manifest> Matching(Manifest near, string group, Index index, string value)
    {
        IEnumerable<Manifest> candidates = near.Namespace is null
            ? index.Under(value)
            : Merged(index.Under(value, near.Namespace), index.Under(value, null));
        foreach (var candidate in candidates)
        {
            Interlocked.Increment(ref _examined);
            if (candidate.Group == group || candidate.ApiVersion.Length == 0)
            {
                yield return candidate;
            }
        }
    }

    private IEnumerable<Manifest> Merged(IReadOnlyList<Manifest> a, IReadOnlyList<Manifest> b)
    {
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            yield return j >= b.Count || i < a.Count && _order[a[i]] < _order[b[j]] ? a[i++] : b[j++];
        }
    }

    /// <summary>Objects by a value, in input order, over all namespaces and per namespace.</summary>
    private sealed class Index
    {
        private static readonly IReadOnlyList<Manifest> None = [];
        private readonly Dictionary<string, List<Manifest>> _byValue = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Value, string? Namespace), List<Manifest>> _byValueAndNamespace = [];

        public IEnumerable<Manifest> Everything => _byValue.Values.SelectMany(l => l);

        public void Add(string value, Manifest manifest)
        {
            if (!_byValue.TryGetValue(value, out var all))
            {
                _byValue[value] = all = [];
            }

            all.Add(manifest);
            if (!_byValueAndNamespace.TryGetValue((value, manifest.Namespace), out var inNamespace))
            {
                _byValueAndNamespace[(value, manifest.Namespace)] = inNamespace = [];
            }

            inNamespace.Add(manifest);
        }

        public IReadOnlyList<Manifest> Under(string value) => _byValue.TryGetValue(value, out var list) ? list : None;

        public IReadOnlyList<Manifest> Under(string value, string? ns) => _byValueAndNamespace.TryGetValue((value, ns), out var list) ? list : None;
    }
}
