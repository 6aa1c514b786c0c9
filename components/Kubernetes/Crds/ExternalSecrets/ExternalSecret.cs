using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary>External Secrets <c>ExternalSecret</c> (external-secrets.io/v1; v1beta1 is no longer served).</summary>
public sealed class ExternalSecret() : CustomResource<ExternalSecretSpec>(ExternalSecretsApi.ApiVersion, ExternalSecretsApi.ExternalSecretKind);
