using System.Net;
using System.Text;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>Live objects of a CNPG cluster <c>linkding-db</c> in <c>linkding-drill</c>, as the API server returns them.</summary>
public static class CnpgFixtures
{
    /// <summary>The namespace.</summary>
    public const string Namespace = "linkding-drill";

    /// <summary>The Cluster's path.</summary>
    public const string ClusterPath = $"/apis/postgresql.cnpg.io/v1/namespaces/{Namespace}/clusters/linkding-db";

    /// <summary>The owner Secret's path.</summary>
    public const string OwnerSecretPath = $"/api/v1/namespaces/{Namespace}/secrets/linkding-db-owner";

    /// <summary>The Clusters' collection path (what a watch of the Cluster requests).</summary>
    public const string ClustersPath = $"/apis/postgresql.cnpg.io/v1/namespaces/{Namespace}/clusters";

    /// <summary>The Cluster's JSON with <paramref name="primary"/>, the Ready condition at <paramref name="ready"/> and <c>metadata.resourceVersion</c> <paramref name="resourceVersion"/>.</summary>
    public static string Cluster(string primary, bool ready, string resourceVersion = "1")
    {
        var status = ready ? "True" : "False";
        var phase = ready ? "Cluster in healthy state" : "Failing over";
        return $$$"""
            {"apiVersion":"postgresql.cnpg.io/v1","kind":"Cluster","metadata":{"name":"linkding-db","namespace":"{{{Namespace}}}","resourceVersion":"{{{resourceVersion}}}"},
             "spec":{"instances":3,"imageName":"ghcr.io/cloudnative-pg/postgresql:17.5-standard-bookworm","storage":{"size":"1Gi","storageClass":"pgp-ephemeral"},
                      "plugins":[{"name":"barman-cloud.cloudnative-pg.io","isWALArchiver":true,"parameters":{"barmanObjectName":"linkding-db-backups"}}]},
             "status":{"currentPrimary":"{{{primary}}}","phase":"{{{phase}}}",
                       "conditions":[{"type":"Ready","status":"{{{status}}}"},{"type":"ContinuousArchiving","status":"True"}]}}
            """;
    }

    /// <summary>A Secret whose data holds <paramref name="values"/> (base64, as the API returns it).</summary>
    public static string Secret(string name, params (string Key, string Value)[] values) =>
        $$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"{{name}}"},"data":{""" + string.Join(",", values.Select(v => $"\"{v.Key}\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(v.Value))}\"")) + "}}";

    /// <summary>A fake API with a Ready cluster whose primary is <c>linkding-db-1</c>, the operator, the owner secret (<c>linkding</c>/<paramref name="password"/>), three pods running as ServiceAccount <c>linkding-db</c> and the -rw EndpointSlice.</summary>
    public static FakeKubernetesApi ReadyCluster(string password = "old-password") => new FakeKubernetesApi()
        .On("GET", ClusterPath, Cluster("linkding-db-1", ready: true))
        .On("GET", "/apis/apps/v1/namespaces/cnpg-system/deployments", """
            {"apiVersion":"apps/v1","kind":"DeploymentList","items":[{"metadata":{"name":"cnpg-cloudnative-pg"},
             "spec":{"selector":{},"template":{"spec":{"containers":[{"name":"manager","image":"ghcr.io/cloudnative-pg/cloudnative-pg:1.30.0"}]}}}}]}
            """)
        .On("GET", OwnerSecretPath, Secret("linkding-db-owner", ("username", "linkding"), ("password", password)))
        .On("GET", $"/api/v1/namespaces/{Namespace}/pods", """
            {"apiVersion":"v1","kind":"PodList","items":[{"metadata":{"name":"linkding-db-2"},"spec":{"serviceAccountName":"linkding-db","containers":[]}},
                                                   {"metadata":{"name":"linkding-db-1"},"spec":{"serviceAccountName":"linkding-db","containers":[]}},
                                                   {"metadata":{"name":"linkding-db-3"},"spec":{"serviceAccountName":"linkding-db","containers":[]}}]}
            """)
        .On("GET", $"/apis/discovery.k8s.io/v1/namespaces/{Namespace}/endpointslices", """
            {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSliceList","items":[{"metadata":{"name":"linkding-db-rw-abcde"},"addressType":"IPv4",
             "endpoints":[{"addresses":["10.0.0.9"],"conditions":{"ready":false},"targetRef":{"kind":"Pod","name":"linkding-db-2"}},
                          {"addresses":["10.0.0.7"],"conditions":{"ready":true},"targetRef":{"kind":"Pod","name":"linkding-db-1"}}]}]}
            """);

    /// <summary>Answers with <paramref name="answers"/> in turn, repeating the last one.</summary>
    public static Func<RecordedRequest, (HttpStatusCode, string)> InTurn(params string[] answers)
    {
        var next = 0;
        return _ => (HttpStatusCode.OK, answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)]);
    }
}
