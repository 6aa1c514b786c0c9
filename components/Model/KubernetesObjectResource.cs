namespace PgPlatform.Components.Model;

/// <summary>
/// A Kubernetes object: a built-in kind from <c>k8s.Models</c> or one of our typed CRD records.
/// <see cref="Group"/> decides which deployable unit (GitOps folder, Pulumi ConfigGroup) carries it.
/// </summary>
public sealed record KubernetesObjectResource(string Name, string Application, ObjectGroup Group, object Object) : Resource(Name);
