using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>spec.managed</c>: what the instance manager keeps in PostgreSQL as declared (here, roles).</summary>
public sealed class ManagedConfiguration
{
    /// <summary>Roles the Cluster manages (CNPG 1.30 <c>spec.managed.roles</c>, <c>../shared/schemas/crds/cnpg/postgresql.cnpg.io_clusters.yaml</c>).</summary>
    [JsonPropertyName("roles")] public IList<RoleConfiguration>? Roles { get; init; }
}
