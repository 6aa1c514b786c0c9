using PgPlatform.Components.Vocabulary;
using System.Text.Json.Nodes;
using PgPlatform.Components.Day0;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Components.Tests.Day0;

public sealed class BaseEnvironmentOnboardingTests
{
    private const string Subscription = "11111111-2222-3333-4444-555555555555";

    private static (ResourceModel Model, JsonObject Program) Onboard(TierProfile tier, DatabaseRecovery? recovery)
    {
        var env = TestEnvironments.For(tier, "drill-1a2b3c");
        // Stacks that onboard against a base environment have no Argo CD: Pulumi delivers their databases.
        var model = new ResourceModel { Delivery = Delivery.Pulumi };
        var args = new PlatformFoundationArgs
        {
            Environment = env,
            Location = "westeurope",
            SubscriptionId = Subscription,
            TenantId = "99999999-8888-7777-6666-555555555555",
            OidcIssuerUrl = "https://issuer.example.com/",
            DeliverySubject = "delivery-bot",
            GitOps = new GitOpsOptions { RepoUrl = "https://git.example.com/gitops.git", Project = "pg-platform" },
        };
        IDatabaseOnboarding onboarding = tier.DeploysFoundation ? new PlatformFoundation(model, "platform", args) : new BaseEnvironmentOnboarding(model, "platform", args);
        var app = TestEnvironments.App(tier, env.Name);
        var application = new Application(model, "shop", app with { Database = app.Database with { Environment = env, Recovery = recovery, DependsOn = onboarding.DependenciesOf("shop", recovery) } });
        onboarding.Onboard("shop", application.Database);
        onboarding.Complete();
        return (model, SynthesizedProgram.Of(model, env.Name));
    }

    private static List<PulumiResource> Azure(ResourceModel model) => model.Resources.OfType<PulumiResource>().ToList();

    /// <summary>The role assignment of <paramref name="role"/> to the database's identity (not to the deploying principal).</summary>
    private static PulumiResource Role(ResourceModel model, string role) =>
        Azure(model).Single(r => r.Type == "azure-native:authorization:RoleAssignment" && r.Properties["principalId"] is OutputReference && ((string)r.Properties["roleDefinitionId"]!).EndsWith(role, StringComparison.Ordinal));

    [Fact]
    public void AnEphemeralDatabaseGetsItsOwnContainerIdentityAndServiceAccountInTheBaseEnvironment()
    {
        var (model, _) = Onboard(TierProfiles.Ephemeral, null);
        // Passwords and vault secrets: the owner's, each login slot's, and the active slot's name (no password).
        Assert.Equal(1 + DatabaseNames.LoginSlots.Count, Azure(model).Count(r => r.Type == "random:RandomPassword"));
        Assert.Equal(2 + DatabaseNames.LoginSlots.Count, Azure(model).Count(r => r.Type == "azure-native:keyvault:Secret"));
        Assert.Equal(
            ["azure-native:storage:BlobContainer", "azure-native:managedidentity:UserAssignedIdentity", "azure-native:managedidentity:FederatedIdentityCredential", "azure-native:authorization:RoleAssignment", "azure-native:authorization:RoleAssignment"],
            Azure(model).Select(r => r.Type).Where(t => t is not "random:RandomPassword" and not "azure-native:keyvault:Secret"));
        var container = Azure(model).Single(r => r.Type == "azure-native:storage:BlobContainer").Properties;
        Assert.Equal(("rg-test", "stbackups", "shop-drill-1a2b3c"), ((string)container["resourceGroupName"]!, (string)container["accountName"]!, (string)container["containerName"]!));
        var identity = Azure(model).Single(r => r.Type == "azure-native:managedidentity:UserAssignedIdentity").Properties;
        Assert.Equal("rg-test", identity["resourceGroupName"]);
        Assert.Equal("id-shop-db-drill-1a2b3c", identity["resourceName"]);
        var federation = Azure(model).Single(r => r.Type == "azure-native:managedidentity:FederatedIdentityCredential").Properties;
        Assert.Equal("system:serviceaccount:shop-drill-1a2b3c:shop-db", federation["subject"]);
        var writer = Role(model, AzureRoles.StorageBlobDataContributor);
        var containerId = new OutputReference(Azure(model).Single(r => r.Type == "azure-native:storage:BlobContainer").Name, "id");
        Assert.Equal(containerId, writer.Properties["scope"]);
        // The drill driver deploys the stack and reads (and, for the wal-gap fault, edits) the archive: the deploying principal.
        var deployer = Azure(model).Single(r => r.Type == "azure-native:authorization:RoleAssignment" && r.Properties["principalId"] is InvokeExpression);
        Assert.Equal((containerId, writer.Properties["roleDefinitionId"]), (deployer.Properties["scope"], deployer.Properties["roleDefinitionId"]));

        var access = model.KubernetesObjects.Where(o => o.Group == ObjectGroup.Access).Select(o => o.ToJson()).ToList();
        var account = Assert.Single(access);
        Assert.Equal(("ServiceAccount", "shop-db"), ((string?)account["kind"], (string?)account["metadata"]!["name"]));
        Assert.Contains("clientId", (string?)account["metadata"]!["annotations"]!["azure.workload.identity/client-id"]);
        Assert.DoesNotContain(model.KubernetesObjects, o => o.Group == ObjectGroup.Platform);
        var cluster = ModelObjects.Single(model, "Cluster")["spec"]!;
        Assert.Equal("shop-db", (string?)cluster["serviceAccountName"]);
        Assert.Equal("true", (string?)cluster["inheritedMetadata"]!["labels"]![AppDatabase.WorkloadIdentityLabel]);
    }

    [Theory]
    [InlineData("ephemeral")]
    [InlineData("development")]
    public void ARestoredDatabaseMayReadTheSourceContainerAndWaitsForThatRight(string tierName)
    {
        var tier = TierProfiles.Parse(tierName, "test");
        var (model, program) = Onboard(tier, new DatabaseRecovery { SourceEnvironment = "drill-0f0f0f" });
        var reader = Role(model, AzureRoles.StorageBlobDataReader);
        Assert.Equal($"/subscriptions/{Subscription}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", reader.Properties["roleDefinitionId"]);
        Assert.Equal(
            $"/subscriptions/{Subscription}/resourceGroups/rg-test/providers/Microsoft.Storage/storageAccounts/stbackups/blobServices/default/containers/shop-drill-0f0f0f",
            reader.Properties["scope"]);
        Assert.Equal(Role(model, AzureRoles.StorageBlobDataContributor).Properties["principalId"], reader.Properties["principalId"]);
        // Its own backup container (day-0 adds the drill evidence container next to it).
        Assert.Single(Azure(model), r => r.Type == "azure-native:storage:BlobContainer" && (string?)r.Properties["containerName"] != PlatformContainers.DrillEvidence);
        var dependsOn = program["resources"]!["shop-database"]!["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d).ToList();
        Assert.Contains($"${{{reader.Name}}}", dependsOn);
    }

    [Fact]
    public void TheProgramOfARestoredEphemeralDatabaseValidatesAgainstThePulumiSchemas()
    {
        var (_, program) = Onboard(TierProfiles.Ephemeral, new DatabaseRecovery { SourceEnvironment = "drill-0f0f0f", TargetTime = DateTimeOffset.UnixEpoch });
        var errors = PulumiProgramValidator.Shared.Validate(program);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void AFoundationStackRestoringFromAnotherKeepsItsNormalOnboarding()
    {
        var (model, _) = Onboard(TierProfiles.Development, new DatabaseRecovery { SourceEnvironment = "prod" });
        var kinds = model.KubernetesObjects.Where(o => o.Group == ObjectGroup.Access).Select(o => (string?)o.ToJson()["kind"]).ToList();
        Assert.Equal(["ServiceAccount", "Role", "RoleBinding"], kinds);
        Assert.Contains(Azure(model), r => r.Type == "azure-native:storage:ManagementPolicy");
    }
}
