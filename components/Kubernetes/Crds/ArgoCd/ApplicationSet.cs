using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Argo CD <c>ApplicationSet</c> (argoproj.io/v1alpha1).</summary>
public sealed class ApplicationSet() : CustomResource<ApplicationSetSpec>("argoproj.io/v1alpha1", "ApplicationSet");
