using System.Text.Json.Nodes;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// The drill driver's ephemeral stacks (stacks/) compiled by the infra program, as Pulumi would run them after the
/// driver's <c>config set</c> calls on the committed dev stack: the compiler reads back the settings the driver
/// derived, and deploys the database the driver declared, under the names the driver will act on.
/// </summary>
public sealed class DrillStackCompileTests
{
    private const string DrillStack = "drill-1a2b3c";
    private const string RestoreStack = "restore-4d5e6f";

    private static StackSettings Dev => StackLoader.Load(SharedSchemas.RepoRoot, "dev");

    private static async Task<List<JsonObject>> CompileAsync(StackSettings settings)
    {
        var calls = EphemeralDatabaseStack.Config(settings).Select(s => (s.Key, s.Value, s.IsPath));
        var json = StackConfigSources.ToPulumiConfigJson(PulumiPathConfig.Apply(calls));
        Assert.Equal(settings.Databases, StackSettingsParser.Parse(settings.Stack, StackConfigSources.FromPulumiConfig(json), "PULUMI_CONFIG").Databases);
        var result = await InfraRunner.RunAsync("compile", new Dictionary<string, string> { ["PULUMI_STACK"] = settings.Stack, ["PULUMI_CONFIG"] = json });
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        var program = YamlReader.Read(result.Out)!.AsObject();
        var errors = PulumiProgramValidator.Shared.Validate(program).Concat(SynthesizedRepository.ProgramObjects(program).SelectMany(KubernetesValidator.Validate)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return [.. SynthesizedRepository.ProgramObjects(program)];
    }

    private static JsonObject Single(List<JsonObject> objects, string kind, string name) =>
        objects.Single(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name);

    [Fact]
    public async Task TheDrilledStackDeploysTheDeclaredClusterWithThreeInstancesAndASuperuserLogin()
    {
        var settings = EphemeralDatabaseStack.Settings(Dev, "linkding", DrillStack);
        var declared = DeclaredStack.Declare(settings, ApplicationCatalog.All).Database("linkding");

        var objects = await CompileAsync(settings);

        var cluster = Single(objects, "Cluster", declared.ClusterName);
        Assert.Equal(declared.Namespace, (string?)cluster["metadata"]!["namespace"]);
        Assert.Equal("linkding-drill-1a2b3c", declared.Namespace);
        Assert.Equal(EphemeralDatabaseStack.DrillInstances, (int)cluster["spec"]!["instances"]!);
        Assert.Equal(declared.ServiceAccountName, (string?)cluster["spec"]!["serviceAccountName"]);
        Assert.True((bool)cluster["spec"]!["enableSuperuserAccess"]!);
        Assert.NotNull(cluster["spec"]!["bootstrap"]!["initdb"]);
        var owner = Single(objects, "ExternalSecret", declared.OwnerExternalSecretName);
        Assert.Equal(declared.VaultSecretName, (string?)owner["spec"]!["data"]![0]!["remoteRef"]!["key"]);
        Assert.Equal(declared.BackupContainerUri.ToString(), (string?)objects.Single(o => (string?)o["kind"] == "ObjectStore")["spec"]!["configuration"]!["destinationPath"]);
    }

    [Fact]
    public async Task ARestoreStackRecoversTheAskedBackupAndTimeFromTheDrilledStacksContainer()
    {
        var recovery = new RecoverySelection { Stack = DrillStack, BackupId = "20261122T101010", TargetTime = new DateTimeOffset(2026, 11, 22, 10, 12, 13, 456, TimeSpan.Zero) };
        var settings = EphemeralDatabaseStack.Settings(Dev, "linkding", RestoreStack, recovery);
        var restored = DeclaredStack.Declare(settings, ApplicationCatalog.All).Database("linkding");
        var drilled = DeclaredStack.Declare(EphemeralDatabaseStack.Settings(Dev, "linkding", DrillStack), ApplicationCatalog.All).Database("linkding");

        var objects = await CompileAsync(settings);

        var cluster = Single(objects, "Cluster", restored.ClusterName);
        Assert.Equal(restored.Namespace, (string?)cluster["metadata"]!["namespace"]);
        Assert.Equal(EphemeralDatabaseStack.RestoreInstances, (int)cluster["spec"]!["instances"]!);
        var target = cluster["spec"]!["bootstrap"]!["recovery"]!["recoveryTarget"]!;
        Assert.Equal("20261122T101010", (string?)target["backupID"]);
        Assert.Equal(recovery.TargetTime, DateTimeOffset.Parse((string)target["targetTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        // The origin the restore reads is the container the driver reads for the drilled stack; it archives into its own.
        var origin = objects.Single(o => (string?)o["kind"] == "ObjectStore" && (string?)o["metadata"]!["name"] != restored.ObjectStore.Metadata.Name);
        Assert.Equal(drilled.BackupContainerUri.ToString(), (string?)origin["spec"]!["configuration"]!["destinationPath"]);
        Assert.NotEqual(drilled.BackupContainerUri, restored.BackupContainerUri);
    }
}
