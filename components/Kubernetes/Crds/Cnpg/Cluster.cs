using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>CNPG <c>Cluster</c> (postgresql.cnpg.io/v1).</summary>
public sealed class Cluster() : CustomResource<ClusterSpec>(CnpgApi.ApiVersion, CnpgApi.ClusterKind);
