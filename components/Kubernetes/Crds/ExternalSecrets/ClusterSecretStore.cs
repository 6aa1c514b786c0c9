using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary>External Secrets <c>ClusterSecretStore</c> (external-secrets.io/v1): a store every namespace may read from.</summary>
public sealed class ClusterSecretStore() : CustomResource<SecretStoreSpec>(ExternalSecretsApi.ApiVersion, ExternalSecretsApi.ClusterSecretStoreKind);
