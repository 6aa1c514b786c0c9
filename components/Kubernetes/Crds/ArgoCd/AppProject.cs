using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.ArgoCd;

/// <summary>Argo CD <c>AppProject</c> (argoproj.io/v1alpha1): what the generated Applications may deploy, and where.</summary>
public sealed class AppProject() : CustomResource<AppProjectSpec>(ArgoCdApi.ApiVersion, ArgoCdApi.AppProjectKind);
