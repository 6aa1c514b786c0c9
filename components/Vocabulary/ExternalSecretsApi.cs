namespace PgPlatform.Components.Vocabulary;

/// <summary>External Secrets Operator's API (v1, ESO 2.9; <c>../shared/schemas/crds</c>). The only place these names are spelled.</summary>
public static class ExternalSecretsApi
{
    /// <summary>API group.</summary>
    public const string Group = "external-secrets.io";

    /// <summary>The only version pg-platform emits and accepts.</summary>
    public const string Version = "v1";

    /// <summary><c>apiVersion</c> of every External Secrets object.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Kind of a secret sync.</summary>
    public const string ExternalSecretKind = "ExternalSecret";

    /// <summary>Plural resource of <see cref="ExternalSecretKind"/>.</summary>
    public const string ExternalSecrets = "externalsecrets";

    /// <summary>Kind of the cluster-wide store.</summary>
    public const string ClusterSecretStoreKind = "ClusterSecretStore";

    /// <summary>Annotation whose change makes the operator refresh an ExternalSecret now.</summary>
    public const string ForceSyncAnnotation = "force-sync";
}
