using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Rbac;

/// <summary>
/// Resources that live outside namespaces, keyed like kubectl names them (<c>plural</c> for the core group,
/// <c>plural.group</c> otherwise). Without discovery a static authorizer cannot ask the API server, so it keeps the
/// built-in Kubernetes ones plus the cluster-scoped custom resources of the operators this platform installs;
/// callers add others (for instance from CRDs with <c>scope: Cluster</c>).
/// </summary>
internal static class ClusterScopedResources
{
    /// <summary>The built-in set.</summary>
    public static readonly IReadOnlySet<string> BuiltIn = new HashSet<string>(StringComparer.Ordinal)
    {
        "namespaces",
        "nodes",
        "persistentvolumes",
        "componentstatuses",
        "mutatingwebhookconfigurations.admissionregistration.k8s.io",
        "validatingwebhookconfigurations.admissionregistration.k8s.io",
        "validatingadmissionpolicies.admissionregistration.k8s.io",
        "validatingadmissionpolicybindings.admissionregistration.k8s.io",
        "mutatingadmissionpolicies.admissionregistration.k8s.io",
        "mutatingadmissionpolicybindings.admissionregistration.k8s.io",
        "customresourcedefinitions.apiextensions.k8s.io",
        "apiservices.apiregistration.k8s.io",
        "tokenreviews.authentication.k8s.io",
        "selfsubjectreviews.authentication.k8s.io",
        "selfsubjectaccessreviews.authorization.k8s.io",
        "selfsubjectrulesreviews.authorization.k8s.io",
        "subjectaccessreviews.authorization.k8s.io",
        "certificatesigningrequests.certificates.k8s.io",
        "clustertrustbundles.certificates.k8s.io",
        "flowschemas.flowcontrol.apiserver.k8s.io",
        "prioritylevelconfigurations.flowcontrol.apiserver.k8s.io",
        "ingressclasses.networking.k8s.io",
        "ipaddresses.networking.k8s.io",
        "servicecidrs.networking.k8s.io",
        "runtimeclasses.node.k8s.io",
        "clusterroles.rbac.authorization.k8s.io",
        "clusterrolebindings.rbac.authorization.k8s.io",
        "deviceclasses.resource.k8s.io",
        "resourceslices.resource.k8s.io",
        "priorityclasses.scheduling.k8s.io",
        "storageclasses.storage.k8s.io",
        "csidrivers.storage.k8s.io",
        "csinodes.storage.k8s.io",
        "volumeattachments.storage.k8s.io",
        "volumeattributesclasses.storage.k8s.io",
        $"clustersecretstores.{ExternalSecretsApi.Group}",
        $"clusterexternalsecrets.{ExternalSecretsApi.Group}",
        $"clusterpushsecrets.{ExternalSecretsApi.Group}",
        $"clusterimagecatalogs.{CnpgApi.Group}",
    };

    /// <summary>The key of a resource in the set: <c>plural</c> for the core group, <c>plural.group</c> otherwise.</summary>
    public static string Key(string resource, string group) => group.Length == 0 ? resource : resource + "." + group;
}
