using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Model;

/// <summary>
/// A Kubernetes object: a built-in kind from <c>k8s.Models</c> or one of our typed CRD records.
/// <see cref="Group"/> decides which deployable unit (GitOps folder, Pulumi ConfigGroup) carries it.
/// </summary>
public sealed record KubernetesObjectResource(string Name, string Application, ObjectGroup Group, object Object) : Resource(Name)
{
    /// <summary>
    /// The object as a fresh canonical JSON tree that the caller may change. Serialized on every call:
    /// caching the trees measured slower for large fleets (they outlive gen0 and double peak memory).
    /// </summary>
    public JsonObject ToJson() => CanonicalJson.FromObject(Object);
}
