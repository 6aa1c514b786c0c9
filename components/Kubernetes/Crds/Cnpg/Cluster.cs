using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>CNPG <c>Cluster</c> (postgresql.cnpg.io/v1).</summary>
public sealed class Cluster() : CustomResource<ClusterSpec>("postgresql.cnpg.io/v1", "Cluster");
