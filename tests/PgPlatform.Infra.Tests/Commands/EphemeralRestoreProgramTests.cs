using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Components.Settings;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// The second stack of a restore drill, compiled as Pulumi runs it: dev's settings with tier ephemeral and one
/// database recovering from the first drill stack, set with <c>pulumi config set --path</c>.
/// </summary>
public sealed class EphemeralRestoreProgramTests
{
    private const string Stack = "drill-4d5e6f";
    private const string Source = "drill-1a2b3c";
    private const string Databases = "[{\"name\":\"linkding\",\"recoverFrom\":{\"stack\":\"drill-1a2b3c\",\"backupId\":\"20261122T030000\",\"targetTime\":\"2026-11-22T18:00:00Z\"}}]";

    private static Dictionary<string, string> Environment(bool databasesAsText)
    {
        var config = StackConfigSources.FromStackFile(Path.Combine(SharedSchemas.RepoRoot, "Pulumi.dev.yaml")).ToDictionary();
        config["pg-platform:tier"] = "ephemeral";
        config["pg-platform:storageClass"] = "pgp-development";
        config["pg-platform:delivery"] = "pulumi";
        config["pg-platform:databases"] = JsonNode.Parse(Databases);
        var json = databasesAsText ? StackConfigSources.ToPulumiConfigJson(config) : new JsonObject(config.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();
        return new Dictionary<string, string> { ["PULUMI_STACK"] = Stack, ["PULUMI_CONFIG"] = json };
    }

    private static async Task<(string Text, JsonObject Program)> Compile(bool databasesAsText = true)
    {
        var result = await InfraRunner.RunAsync("compile", Environment(databasesAsText));
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        return (result.Out, YamlReader.Read(result.Out)!.AsObject());
    }

    private static IEnumerable<(string Name, JsonNode Resource)> Resources(JsonObject program) =>
        program["resources"]!.AsObject().Select(p => (p.Key, p.Value!));

    [Fact]
    public async Task StructuredAndTextConfigCompileToTheSameProgram()
    {
        Assert.Equal((await Compile(databasesAsText: true)).Text, (await Compile(databasesAsText: false)).Text);
    }

    [Fact]
    public async Task TheProgramHoldsExactlyTheOnboardingAndTheDatabaseNoneOfTheFoundation()
    {
        var (_, program) = await Compile();
        var types = Resources(program).GroupBy(r => (string?)r.Resource["type"]).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["pulumi:providers:kubernetes"] = 1,
                // The owner's password and one per login role; Key Vault also holds the active login's slot.
                ["random:RandomPassword"] = 3,
                ["azure-native:keyvault:Secret"] = 4,
                ["azure-native:storage:BlobContainer"] = 1,
                ["azure-native:managedidentity:UserAssignedIdentity"] = 1,
                ["azure-native:managedidentity:FederatedIdentityCredential"] = 1,
                ["azure-native:authorization:RoleAssignment"] = 3,
                ["kubernetes:core/v1:Namespace"] = 1,
                ["kubernetes:yaml/v2:ConfigGroup"] = 3,
            },
            types);
        Assert.Equal(["linkding-access", "linkding-database", "linkding-application"], Resources(program).Where(r => (string?)r.Resource["type"] == "kubernetes:yaml/v2:ConfigGroup").Select(r => r.Name));
        var kinds = SynthesizedRepository.ProgramObjects(program).Select(o => (string?)o["kind"]).ToList();
        foreach (var shared in new[] { "Role", "RoleBinding", "ValidatingAdmissionPolicy", "ApplicationSet", "AppProject", "StorageClass", "ClusterSecretStore" })
        {
            Assert.DoesNotContain(shared, kinds);
        }
    }

    [Fact]
    public async Task TheIdentityWritesItsOwnContainerAndOnlyReadsTheSourcesAndTheClusterWaitsForThat()
    {
        var (_, program) = await Compile();
        var container = Resources(program).Single(r => (string?)r.Resource["type"] == "azure-native:storage:BlobContainer");
        Assert.Equal("rg-pg-platform-dev", (string?)container.Resource["properties"]!["resourceGroupName"]);
        Assert.Equal("stpgpdevbackups", (string?)container.Resource["properties"]!["accountName"]);
        Assert.Equal($"linkding-{Stack}", (string?)container.Resource["properties"]!["containerName"]);
        var assignments = Resources(program).Where(r => (string?)r.Resource["type"] == "azure-native:authorization:RoleAssignment").ToList();
        // The deploying principal (the drill driver) may read and edit the archive in the stack's own container.
        var deployer = Assert.Single(assignments, r => r.Resource["properties"]!["principalId"] is JsonObject);
        Assert.Equal("azure-native:authorization:getClientConfig", (string?)deployer.Resource["properties"]!["principalId"]!["fn::invoke"]!["function"]);
        Assert.Equal($"${{{container.Name}.id}}", (string?)deployer.Resource["properties"]!["scope"]);
        Assert.EndsWith("ba92f5b4-2d11-453d-a403-e96b0029c9fe", (string?)deployer.Resource["properties"]!["roleDefinitionId"], StringComparison.Ordinal);
        var roles = assignments.Where(r => r != deployer).ToDictionary(r => ((string)r.Resource["properties"]!["roleDefinitionId"]!)[^36..], r => r);
        Assert.Equal($"${{{container.Name}.id}}", (string?)roles["ba92f5b4-2d11-453d-a403-e96b0029c9fe"].Resource["properties"]!["scope"]);
        var reader = roles["2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"];
        Assert.Equal(
            $"/subscriptions/3f2c8a51-7d4e-4b0a-9c61-2e8f5d7b9a10/resourceGroups/rg-pg-platform-dev/providers/Microsoft.Storage/storageAccounts/stpgpdevbackups/blobServices/default/containers/linkding-{Source}",
            (string?)reader.Resource["properties"]!["scope"]);
        var dependsOn = program["resources"]!["linkding-database"]!["options"]!["dependsOn"]!.AsArray().Select(d => (string?)d);
        Assert.Contains($"${{{reader.Name}}}", dependsOn);
        var federation = Resources(program).Single(r => (string?)r.Resource["type"] == "azure-native:managedidentity:FederatedIdentityCredential");
        Assert.Equal($"system:serviceaccount:linkding-{Stack}:linkding-db", (string?)federation.Resource["properties"]!["subject"]);
    }

    [Fact]
    public async Task TheClusterRestoresFromTheSourceAndArchivesIntoItsOwnContainer()
    {
        var (_, program) = await Compile();
        var objects = SynthesizedRepository.ProgramObjects(program);
        var cluster = objects.Single(o => (string?)o["kind"] == "Cluster");
        Assert.Equal($"linkding-{Stack}", (string?)cluster["metadata"]!["namespace"]);
        Assert.Equal("linkding-db", (string?)cluster["spec"]!["serviceAccountName"]);
        Assert.Equal("2026-11-22T18:00:00Z", (string?)cluster["spec"]!["bootstrap"]!["recovery"]!["recoveryTarget"]!["targetTime"]);
        var stores = objects.Where(o => (string?)o["kind"] == "ObjectStore").ToDictionary(o => (string)o["metadata"]!["name"]!, o => (string?)o["spec"]!["configuration"]!["destinationPath"]);
        Assert.Equal($"https://stpgpdevbackups.blob.core.windows.net/linkding-{Stack}", stores["linkding-db-backups"]);
        Assert.Equal($"https://stpgpdevbackups.blob.core.windows.net/linkding-{Source}", stores["linkding-db-origin"]);
        var account = objects.Single(o => (string?)o["kind"] == "ServiceAccount");
        Assert.Matches(@"^\$\{platform-linkding-db-identity\.clientId\}$", (string?)account["metadata"]!["annotations"]!["azure.workload.identity/client-id"]);
    }

    [Fact]
    public async Task EveryObjectAndTheProgramValidateAgainstTheSchemas()
    {
        var (_, program) = await Compile();
        var errors = PulumiProgramValidator.Shared.Validate(program).Concat(SynthesizedRepository.ProgramObjects(program).SelectMany(KubernetesValidator.Validate)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
