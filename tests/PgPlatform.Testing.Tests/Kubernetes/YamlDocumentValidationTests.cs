using PgPlatform.Testing.Kubernetes;

namespace PgPlatform.Testing.Tests.Kubernetes;

public sealed class YamlDocumentValidationTests
{
    // The day-0 kinds besides those in ValidManifests, as one stream the way synthesizers write them.
    private const string PlatformStream = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: linkding
          labels: {cost-center: "1234"}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: linkding, namespace: linkding}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: app-delivery, namespace: linkding}
        rules:
          - apiGroups: [postgresql.cnpg.io]
            resources: [clusters, scheduledbackups]
            verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: app-delivery, namespace: linkding}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: app-delivery}
        subjects:
          - {kind: ServiceAccount, name: linkding, namespace: linkding}
        ---
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: pg-premium-zrs}
        provisioner: disk.csi.azure.com
        parameters: {skuName: PremiumV2_LRS}
        reclaimPolicy: Retain
        volumeBindingMode: WaitForFirstConsumer
        allowVolumeExpansion: true
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: linkding}
        data:
          LD_DB_ENGINE: postgres
          LD_DB_PORT: "5432"
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: ScheduledBackup
        metadata: {name: linkding-daily, namespace: linkding}
        spec:
          schedule: "0 0 2 * * *"
          cluster: {name: linkding-db}
          method: plugin
          pluginConfiguration: {name: barman-cloud.cloudnative-pg.io}
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: {name: linkding-db, namespace: linkding}
        spec:
          groups:
            - name: linkding-db
              rules:
                - alert: ReplicationLagHigh
                  expr: max(cnpg_pg_replication_lag{namespace="linkding"}) > 30
                  for: 5m
                  labels: {severity: warning}
                  annotations: {summary: Replication lag above 30s}
        ---
        apiVersion: external-secrets.io/v1
        kind: ClusterSecretStore
        metadata: {name: azure-key-vault}
        spec:
          provider:
            azurekv:
              vaultUrl: https://pgp-dev.vault.azure.net
              authType: WorkloadIdentity
              serviceAccountRef: {name: external-secrets, namespace: external-secrets}
        ---
        apiVersion: generators.external-secrets.io/v1alpha1
        kind: Password
        metadata: {name: pg-password, namespace: linkding}
        spec: {length: 32, digits: 5, symbols: 0, noUpper: false, allowRepeat: true}
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: {name: databases, namespace: argocd}
        spec:
          sourceRepos: ["https://github.com/example/pg-platform-gitops.git"]
          destinations:
            - {server: https://kubernetes.default.svc, namespace: "*"}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: pgp001-production-instances}
        spec:
          failurePolicy: Fail
          matchConstraints:
            resourceRules:
              - apiGroups: [postgresql.cnpg.io]
                apiVersions: [v1]
                operations: [CREATE, UPDATE]
                resources: [clusters]
          validations:
            - expression: object.spec.instances >= 3
              message: production clusters need at least 3 instances
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: pgp001-production-instances}
        spec:
          policyName: pgp001-production-instances
          validationActions: [Deny]
          matchResources:
            namespaceSelector:
              matchLabels: {pg-platform.io/tier: production}
        """;

    [Fact]
    public void PlatformStreamIsValid()
    {
        Assert.Empty(KubernetesSchemaValidator.Shared.ValidateYamlDocuments(PlatformStream));
    }

    [Fact]
    public void EveryValidManifestInOneStreamIsValid()
    {
        var stream = "---\n" + string.Join("\n---\n", ValidManifests.All) + "\n---\n";

        Assert.Empty(KubernetesSchemaValidator.Shared.ValidateYamlDocuments(stream));
    }

    [Fact]
    public void ErrorsNameTheDocument()
    {
        var stream = ValidManifests.Service + "\n---\n" + ValidManifests.Cluster.Replace("instances: 3", "instances: \"3\"", StringComparison.Ordinal);

        var error = Assert.Single(KubernetesSchemaValidator.Shared.ValidateYamlDocuments(stream));

        Assert.Equal("document 2: Cluster/linkding-db: spec.instances: expected integer, got string \"3\"", error);
    }

    [Fact]
    public void ADocumentThatIsNotAMappingIsAnError()
    {
        var errors = KubernetesSchemaValidator.Shared.ValidateYamlDocuments("- just\n- a list\n");

        Assert.Equal(["document 1: expected a Kubernetes object (a mapping), got Array"], errors);
    }

    [Fact]
    public void InvalidYamlIsReportedNotThrown()
    {
        var error = Assert.Single(KubernetesSchemaValidator.Shared.ValidateYamlDocuments("a: [unclosed\n"));

        Assert.StartsWith("Invalid YAML", error, StringComparison.Ordinal);
    }
}
