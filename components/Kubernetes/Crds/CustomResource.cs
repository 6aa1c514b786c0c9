using System.Text.Json.Serialization;
using k8s.Models;

namespace PgPlatform.Components.Kubernetes.Crds;

/// <summary>A custom resource: apiVersion, kind, metadata and a typed spec, as the CRD in ../shared/schemas/crds declares it.</summary>
public abstract class CustomResource<TSpec> where TSpec : class
{
    /// <summary>Creates the resource with its fixed apiVersion and kind.</summary>
    protected CustomResource(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
    }

    /// <summary>Group and version, e.g. <c>postgresql.cnpg.io/v1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; }

    /// <summary>The kind, e.g. <c>Cluster</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; }

    /// <summary>Name, namespace, labels and annotations.</summary>
    [JsonPropertyName("metadata")]
    public required V1ObjectMeta Metadata { get; init; }

    /// <summary>The desired state.</summary>
    [JsonPropertyName("spec")]
    public required TSpec Spec { get; init; }
}
