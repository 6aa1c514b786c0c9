using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>
/// Issue 11, item 8: what the engines rely on by name or by documented path, held on every stack's program.
/// </summary>
public sealed class WorkloadIdentityPathTests
{
    public static TheoryData<string> Stacks => StackPrograms.Names;

    /// <summary>
    /// The Barman Cloud plugin grants its Role to a ServiceAccount named after the Cluster
    /// (cloudnative-pg/plugin-barman-cloud <c>internal/cnpgi/operator/specs/role.go</c>), so a Cluster running as
    /// any other account cannot read its ObjectStore; the account carrying the workload identity must be that one.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryClusterRunsAsTheAnnotatedServiceAccountNamedAfterIt(string stack)
    {
        var program = StackPrograms.Of(stack);
        var clusters = program.OfKind(CnpgApi.ClusterKind).ToList();
        Assert.NotEmpty(clusters);
        var accounts = program.OfKind("ServiceAccount").ToList();
        foreach (var cluster in clusters)
        {
            var name = (string)cluster["metadata"]!["name"]!;
            var ns = (string)cluster["metadata"]!["namespace"]!;
            Assert.Equal(name, (string?)cluster["spec"]!["serviceAccountName"]);
            var account = Assert.Single(accounts, a => (string?)a["metadata"]!["name"] == name && (string?)a["metadata"]!["namespace"] == ns);
            Assert.False(string.IsNullOrEmpty((string?)account["metadata"]!["annotations"]?["azure.workload.identity/client-id"]), $"{stack}: ServiceAccount {ns}/{name} has no workload identity client id");
        }
    }

    /// <summary>
    /// The plugin documents <c>useDefaultAzureCredentials</c> for workload identity (cloudnative-pg/plugin-barman-cloud
    /// PR #681, issue #649), not <c>inheritFromAzureAD</c>; the pinned ObjectStore CRD has the field.
    /// </summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void ObjectStoresSignInWithTheDefaultAzureCredentialChain(string stack)
    {
        var stores = StackPrograms.Of(stack).OfKind(BarmanCloudApi.ObjectStoreKind).ToList();
        Assert.NotEmpty(stores);
        foreach (var store in stores)
        {
            var credentials = store["spec"]!["configuration"]!["azureCredentials"]!.AsObject();
            Assert.True((bool?)credentials["useDefaultAzureCredentials"]);
            Assert.Equal(["useDefaultAzureCredentials"], credentials.Select(c => c.Key));
        }
    }

    /// <summary>ESO's <c>provider.azurekv.tenantId</c> is optional for workload identity; set, it cannot silently follow another tenant.</summary>
    [Theory]
    [MemberData(nameof(Stacks))]
    public void TheClusterSecretStoreNamesTheStacksTenant(string stack)
    {
        var program = StackPrograms.Of(stack);
        foreach (var store in program.OfKind(ExternalSecretsApi.ClusterSecretStoreKind))
        {
            Assert.Equal(program.Settings.TenantId, (string?)store["spec"]!["provider"]!["azurekv"]!["tenantId"]);
        }

        Assert.Equal(program.Settings.Tier.DeploysFoundation ? 1 : 0, program.OfKind(ExternalSecretsApi.ClusterSecretStoreKind).Count());
    }
}
