namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>One namespaced custom object, by its API coordinates and name.</summary>
/// <param name="Group">API group (<c>postgresql.cnpg.io</c>).</param>
/// <param name="Version">API version (<c>v1</c>).</param>
/// <param name="Namespace">The object's namespace.</param>
/// <param name="Plural">The resource's plural (<c>clusters</c>, <c>backups</c>).</param>
/// <param name="Name">The object's name.</param>
public sealed record CustomObjectReference(string Group, string Version, string Namespace, string Plural, string Name)
{
    /// <summary><c>plural.group/version namespace/name</c>.</summary>
    public override string ToString() => $"{Plural}.{Group}/{Version} {Namespace}/{Name}";
}
