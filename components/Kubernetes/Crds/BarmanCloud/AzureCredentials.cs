using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary>Azure credentials of an object store. pg-platform uses workload identity only: no keys, no SAS tokens.</summary>
public sealed class AzureCredentials
{
    /// <summary>Authenticate with the pod's Azure AD workload identity.</summary>
    [JsonPropertyName("inheritFromAzureAD")] public bool? InheritFromAzureAd { get; init; }
}
