namespace PgPlatform.Components.Vocabulary;

/// <summary>The namespaces day-0 installs the operators into; the contract exempts what their service accounts write.</summary>
public static class OperatorNamespaces
{
    /// <summary>The CNPG operator and its Barman Cloud plugin.</summary>
    public const string Cnpg = "cnpg-system";

    /// <summary>External Secrets.</summary>
    public const string ExternalSecrets = "external-secrets";

    /// <summary>Kubernetes' own controllers.</summary>
    public const string KubeSystem = "kube-system";

    /// <summary>Every namespace whose service accounts write objects in application namespaces on their own.</summary>
    public static IReadOnlyList<string> All { get; } = [Cnpg, ExternalSecrets, KubeSystem];
}
