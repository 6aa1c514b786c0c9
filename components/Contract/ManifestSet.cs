using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract;

/// <summary>All objects under check, indexed for the rules that look across objects.</summary>
public sealed class ManifestSet
{
    /// <summary>Indexes <paramref name="manifests"/>.</summary>
    public ManifestSet(IReadOnlyList<Manifest> manifests)
    {
        All = manifests;
        Clusters = manifests.Where(m => m.Is(CnpgApi.Group, CnpgApi.ClusterKind)).ToList();
        ByKind = manifests.ToLookup(m => m.Kind);
        _byKindAndNamespace = manifests.ToLookup(m => (m.Kind, m.Namespace));
    }

    private readonly ILookup<(string Kind, string? Namespace), Manifest> _byKindAndNamespace;

    /// <summary>Every object, in input order.</summary>
    public IReadOnlyList<Manifest> All { get; }

    /// <summary>CNPG Clusters.</summary>
    public IReadOnlyList<Manifest> Clusters { get; }

    /// <summary>Objects by kind.</summary>
    public ILookup<string, Manifest> ByKind { get; }

    /// <summary>Objects of <paramref name="kind"/> in <paramref name="group"/> in the namespace of <paramref name="near"/>.</summary>
    public IEnumerable<Manifest> InNamespaceOf(Manifest near, string group, string kind)
    {
        var candidates = near.Namespace is null
            ? ByKind[kind]
            : _byKindAndNamespace[(kind, near.Namespace)].Concat(_byKindAndNamespace[(kind, null)]);
        return candidates.Where(m => m.Is(group, kind));
    }

    /// <summary>Namespaces match when equal, or when either manifest leaves its namespace to kustomize or kubectl.</summary>
    public static bool SameNamespace(Manifest a, Manifest b) => a.Namespace is null || b.Namespace is null || a.Namespace == b.Namespace;
}
