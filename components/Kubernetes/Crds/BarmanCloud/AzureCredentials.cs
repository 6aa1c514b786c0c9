using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary>Azure credentials of an object store. pg-platform uses workload identity only: no keys, no SAS tokens.</summary>
public sealed class AzureCredentials
{
    /// <summary>
    /// Sign in with Azure's default credential chain, which reads the federated token the workload identity webhook
    /// mounts. The plugin documents this path for workload identity rather than <c>inheritFromAzureAD</c>
    /// (cloudnative-pg/plugin-barman-cloud PR #681, issue #649); the pinned ObjectStore CRD
    /// (../shared/schemas/crds/barman-cloud) has the field.
    /// </summary>
    [JsonPropertyName("useDefaultAzureCredentials")] public bool? UseDefaultAzureCredentials { get; init; }
}
