using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Day0;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Versions;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Day0;

public sealed class PlatformFoundationTests
{
    private readonly FoundationFixture _f = new();

    [Fact]
    public void KeyVaultUsesRbacPurgeProtectionSoftDeleteAndTheTenantOfTheDeployment()
    {
        var vault = _f.Props(_f.Single("azure-native:keyvault:Vault").Name)["properties"]!;
        Assert.True((bool)vault["enableRbacAuthorization"]!);
        Assert.True((bool)vault["enablePurgeProtection"]!);
        Assert.True((bool)vault["enableSoftDelete"]!);
        Assert.Equal(90, (int)vault["softDeleteRetentionInDays"]!);
        Assert.Equal("azure-native:authorization:getClientConfig", (string?)vault["tenantId"]!["fn::invoke"]!["function"]);
        Assert.Equal("tenantId", (string?)vault["tenantId"]!["fn::invoke"]!["return"]);
    }

    [Fact]
    public void BackupStorageIsLockedDown()
    {
        var account = _f.Props(_f.Single("azure-native:storage:StorageAccount").Name);
        Assert.True((bool)account["enableHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.Equal([PlatformContainers.DrillEvidence, "shop-prod", "wiki-prod"], _f.OfType("azure-native:storage:BlobContainer").Select(c => (string)c.Properties["containerName"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDrillDriverWritesEvidenceIntoItsOwnContainerWhichNoLifecycleRuleExpires()
    {
        var container = _f.OfType("azure-native:storage:BlobContainer").Single(c => (string?)c.Properties["containerName"] == PlatformContainers.DrillEvidence);
        var writer = _f.OfType("azure-native:authorization:RoleAssignment").Single(r => r.Properties["scope"] is OutputReference scope && scope.Resource == container.Name);
        var principal = _f.Props(writer.Name)["principalId"]!["fn::invoke"]!;

        Assert.Equal("None", (string?)container.Properties["publicAccess"]);
        Assert.EndsWith(AzureRoles.StorageBlobDataContributor, (string)writer.Properties["roleDefinitionId"]!, StringComparison.Ordinal);
        Assert.Equal(("azure-native:authorization:getClientConfig", "objectId"), ((string?)principal["function"], (string?)principal["return"]));
        var prefixes = _f.Props(_f.Single("azure-native:storage:ManagementPolicy").Name)["policy"]!["rules"]!.AsArray().Select(r => (string)r!["definition"]!["filters"]!["prefixMatch"]![0]!);
        Assert.DoesNotContain(prefixes, p => PlatformContainers.DrillEvidence.StartsWith(p.TrimEnd('/'), StringComparison.Ordinal));
    }

    [Fact]
    public void LifecyclePolicyFollowsEachDatabasesRecoveryWindow()
    {
        var rules = _f.Props(_f.Single("azure-native:storage:ManagementPolicy").Name)["policy"]!["rules"]!.AsArray();
        var days = rules.ToDictionary(r => (string)r!["definition"]!["filters"]!["prefixMatch"]![0]!, r => (int)r!["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterModificationGreaterThan"]!);
        Assert.Equal(30 + 7, days["shop-prod/"]);
        Assert.Equal(14 + 7, days["wiki-prod/"]);
    }

    [Fact]
    public void EachClusterGetsAnIdentityFederatedWithItsServiceAccountAndWriteAccessToItsContainerOnly()
    {
        var federation = _f.OfType("azure-native:managedidentity:FederatedIdentityCredential").Select(r => (string)r.Properties["subject"]!).ToList();
        Assert.Contains("system:serviceaccount:shop-prod:shop-db", federation);
        Assert.Contains("system:serviceaccount:wiki-prod:wiki-db", federation);
        Assert.Contains("system:serviceaccount:external-secrets:external-secrets", federation);
        var blobRoles = _f.OfType("azure-native:authorization:RoleAssignment").Where(r => ((string)r.Properties["roleDefinitionId"]!).EndsWith(AzureRoles.StorageBlobDataContributor, StringComparison.Ordinal) && r.Properties["principalId"] is OutputReference).ToList();
        Assert.Equal(2, blobRoles.Count);
        var containers = _f.OfType("azure-native:storage:BlobContainer").Select(c => c.Name).ToHashSet();
        Assert.All(blobRoles, r => Assert.Contains(((OutputReference)r.Properties["scope"]!).Resource, containers));
        var kvUser = _f.OfType("azure-native:authorization:RoleAssignment").Single(r => ((string)r.Properties["roleDefinitionId"]!).EndsWith(AzureRoles.KeyVaultSecretsUser, StringComparison.Ordinal));
        Assert.Equal(_f.Single("azure-native:keyvault:Vault").Name, ((OutputReference)kvUser.Properties["scope"]!).Resource);
    }

    [Fact]
    public void TheClustersServiceAccountCarriesItsIdentityAndTheClusterUsesIt()
    {
        var objects = ModelObjects.All(_f.Model);
        var account = objects.Single(o => (string?)o["kind"] == "ServiceAccount" && (string?)o["metadata"]!["namespace"] == "shop-prod");
        Assert.Equal("shop-db", (string?)account["metadata"]!["name"]);
        var cluster = objects.Single(o => (string?)o["kind"] == "Cluster" && (string?)o["metadata"]!["name"] == "shop-db");
        Assert.Equal("shop-db", (string?)cluster["spec"]!["serviceAccountName"]);
        Assert.Equal("true", (string?)cluster["spec"]!["inheritedMetadata"]!["labels"]!["azure.workload.identity/use"]);
        var programObjects = _f.Program["resources"]!["shop-access"]!["properties"]!["objs"]!.AsArray();
        var annotation = programObjects.Single(o => (string?)o!["kind"] == "ServiceAccount")!["metadata"]!["annotations"]!["azure.workload.identity/client-id"];
        Assert.Matches(@"^\$\{platform-shop-db-identity\.clientId\}$", (string?)annotation);
    }

    [Fact]
    public void NoStaticKeyOrSasTokenAppearsAnywhere()
    {
        // The admission policies name the forbidden fields to refuse them (PGP020); everything else must not mention them.
        var program = YamlWriter.Write(WithoutAdmissionPolicies(_f.Program.DeepClone()));
        foreach (var forbidden in new[] { "connectionString", "storageKey", "storageSasToken", "clientSecret", "listStorageAccountKeys", "kind: Secret\n" })
        {
            Assert.DoesNotContain(forbidden, program);
        }

        var store = ModelObjects.All(_f.Model).Single(o => (string?)o["kind"] == "ClusterSecretStore");
        Assert.Equal("WorkloadIdentity", (string?)store["spec"]!["provider"]!["azurekv"]!["authType"]);
        Assert.Equal("99999999-8888-7777-6666-555555555555", (string?)store["spec"]!["provider"]!["azurekv"]!["tenantId"]);
        Assert.Contains("${platform-key-vault.properties.vaultUri}", program);
    }

    [Fact]
    public void OperatorsInstallInOrderAndDatabasesWaitForThem()
    {
        var releases = _f.OfType("kubernetes:helm.sh/v3:Release").ToDictionary(r => (string)r.Properties["chart"]!);
        Assert.Equal(HelmCharts.CloudNativePg.Version, releases["cloudnative-pg"].Properties["version"]);
        Assert.Contains(releases["cert-manager"].Name, releases["plugin-barman-cloud"].DependsOn);
        Assert.Contains(releases["cloudnative-pg"].Name, releases["plugin-barman-cloud"].DependsOn);
        var cluster = _f.Model.KubernetesObjects.First(o => o.Group == ObjectGroup.Database);
        Assert.All(releases.Values, r => Assert.Contains(r.Name, cluster.DependsOn));
        // Under GitOps delivery Argo CD starts the database once the ApplicationSets exist, so they wait for what it waits for.
        var dependsOn = _f.Program["resources"]!["pg-platform-platform"]!["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d).ToList();
        Assert.All(_f.Model.KubernetesObjects.Where(o => o.Group is ObjectGroup.Database or ObjectGroup.Application).SelectMany(o => o.DependsOn).Distinct(), d => Assert.Contains($"${{{d}}}", dependsOn));
    }

    [Fact]
    public void TheExportersTheAlertsReadAreScrapedWithTheirOwnNamespaceLabel()
    {
        var releases = _f.OfType("kubernetes:helm.sh/v3:Release").ToDictionary(r => (string)r.Properties["chart"]!);
        var monitoring = releases["kube-prometheus-stack"];
        var eso = JsonSerializer.SerializeToNode(releases["external-secrets"].Properties["values"])!["serviceMonitor"]!;
        Assert.True((bool)eso["enabled"]!);
        Assert.True((bool)eso["honorLabels"]!);
        Assert.Equal("kube-prometheus-stack", (string?)eso["additionalLabels"]!["release"]);
        var certManager = JsonSerializer.SerializeToNode(releases["cert-manager"].Properties["values"])!["prometheus"]!["servicemonitor"]!;
        Assert.True((bool)certManager["enabled"]!);
        Assert.True((bool)certManager["honorLabels"]!);
        Assert.Equal("kube-prometheus-stack", (string?)certManager["labels"]!["release"]);
        Assert.Contains(monitoring.Name, releases["external-secrets"].DependsOn);
        Assert.Contains(monitoring.Name, releases["cert-manager"].DependsOn);
    }

    [Fact]
    public void ProductionStorageClassRetainsVolumesBindsInZoneAndExpands()
    {
        var sc = ModelObjects.All(_f.Model).Single(o => (string?)o["kind"] == "StorageClass");
        Assert.Equal("pgp-production", (string?)sc["metadata"]!["name"]);
        Assert.Equal("Retain", (string?)sc["reclaimPolicy"]);
        Assert.Equal("WaitForFirstConsumer", (string?)sc["volumeBindingMode"]);
        Assert.True((bool)sc["allowVolumeExpansion"]!);
        var dev = ModelObjects.All(new FoundationFixture(TierProfiles.Development).Model).Single(o => (string?)o["kind"] == "StorageClass");
        Assert.Equal("Delete", (string?)dev["reclaimPolicy"]);
    }

    [Fact]
    public void DeliveryGetsDatabaseObjectsInItsNamespacesAndNothingClusterWide()
    {
        var objects = ModelObjects.All(_f.Model);
        Assert.DoesNotContain(objects, o => (string?)o["kind"] is "ClusterRole" or "ClusterRoleBinding");
        var role = objects.Single(o => (string?)o["kind"] == "Role" && (string?)o["metadata"]!["namespace"] == "shop-prod");
        var resources = role["rules"]!.AsArray().SelectMany(r => r!["resources"]!.AsArray().Select(x => (string?)x)).ToList();
        Assert.Equal(["clusters", "scheduledbackups", "backups", "objectstores", "externalsecrets"], resources);
        var binding = objects.Single(o => (string?)o["kind"] == "RoleBinding" && (string?)o["metadata"]!["namespace"] == "shop-prod");
        Assert.Equal("delivery-bot", (string?)binding["subjects"]![0]!["name"]);
    }

    [Fact]
    public void ArgoCdProjectAndApplicationSetsSyncAutomatically()
    {
        var objects = ModelObjects.All(_f.Model);
        var project = objects.Single(o => (string?)o["kind"] == "AppProject");
        Assert.Equal("*-prod", (string?)project["spec"]!["destinations"]![0]!["namespace"]);
        var sets = objects.Where(o => (string?)o["kind"] == "ApplicationSet").ToList();
        Assert.Equal(["databases/*/overlays/prod", "apps/*/overlays/prod"], sets.Select(s => (string?)s["spec"]!["generators"]![0]!["git"]!["directories"]![0]!["path"]));
        Assert.All(sets, s =>
        {
            Assert.Equal("pg-platform", (string?)s["spec"]!["template"]!["spec"]!["project"]);
            Assert.True((bool)s["spec"]!["template"]!["spec"]!["syncPolicy"]!["automated"]!["selfHeal"]!);
            Assert.Equal("/spec/syncPolicy", (string?)s["spec"]!["ignoreApplicationDifferences"]![0]!["jsonPointers"]![0]);
        });
    }

    [Fact]
    public void DatabaseApplicationsLeaveTheLoginFlagsOfTheClusterToTheRotationRunbook()
    {
        var sets = ModelObjects.All(_f.Model).Where(o => (string?)o["kind"] == "ApplicationSet").ToDictionary(s => (string)s["metadata"]!["name"]!);
        var databases = sets["databases-prod"]!["spec"]!["template"]!["spec"]!;
        var ignored = Assert.Single(databases["ignoreDifferences"]!.AsArray())!;
        Assert.Equal("postgresql.cnpg.io", (string?)ignored["group"]);
        Assert.Equal("Cluster", (string?)ignored["kind"]);
        Assert.Equal([".spec.managed.roles[]?.login"], ignored["jqPathExpressions"]!.AsArray().Select(e => (string?)e));
        Assert.Contains("RespectIgnoreDifferences=true", databases["syncPolicy"]!["syncOptions"]!.AsArray().Select(e => (string?)e));

        // The applications' objects hold no login flag: their Application compares and syncs everything.
        var apps = sets["apps-prod"]!["spec"]!["template"]!["spec"]!;
        Assert.Null(apps["ignoreDifferences"]);
        Assert.DoesNotContain("RespectIgnoreDifferences=true", apps["syncPolicy"]!["syncOptions"]!.AsArray().Select(e => (string?)e));
    }

    private static JsonNode WithoutAdmissionPolicies(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.Where(i => i is JsonObject o && (string?)o["kind"] == "ValidatingAdmissionPolicy").ToList())
                {
                    array.Remove(item);
                }

                foreach (var item in array.OfType<JsonNode>())
                {
                    WithoutAdmissionPolicies(item);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        WithoutAdmissionPolicies(value);
                    }
                }

                break;
        }

        return node;
    }
}
