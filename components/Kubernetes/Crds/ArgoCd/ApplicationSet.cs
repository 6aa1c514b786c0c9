using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Argo CD <c>ApplicationSet</c> (argoproj.io/v1alpha1).</summary>
public sealed class ApplicationSet() : CustomResource<ApplicationSetSpec>(ArgoCdApi.ApiVersion, ArgoCdApi.ApplicationSetKind);
