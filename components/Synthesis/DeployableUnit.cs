using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis;

/// <summary>The Kubernetes objects of one application and one <see cref="ObjectGroup"/>, deployed together.</summary>
public sealed record DeployableUnit(string Name, string Application, ObjectGroup Group, IReadOnlyList<KubernetesObjectResource> Objects, IReadOnlyList<string> DependsOn);
