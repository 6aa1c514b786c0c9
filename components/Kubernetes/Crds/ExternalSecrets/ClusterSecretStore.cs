using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;

/// <summary>External Secrets <c>ClusterSecretStore</c> (external-secrets.io/v1): a store every namespace may read from.</summary>
public sealed class ClusterSecretStore() : CustomResource<SecretStoreSpec>("external-secrets.io/v1", "ClusterSecretStore");
