using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// The drill driver's ephemeral stacks (stacks/) compiled by the infra program, as Pulumi would run them after the
/// driver's <c>config set</c> calls on the committed dev stack: both halves must agree on every setting name.
/// </summary>
public sealed class DrillStackCompileTests
{
    private const string DrillStack = "drill-1a2b3c";
    private const string RestoreStack = "restore-4d5e6f";

    private static async Task<List<JsonObject>> CompileAsync(string stack, RecoverySource? recovery)
    {
        var settings = EphemeralDatabaseStack.Config(StackFile.Read(SharedSchemas.RepoRoot, "dev"), "linkding", stack, recovery);
        var config = PulumiPathConfig.Apply(settings.Select(s => (s.Key, s.Value, s.IsPath)));
        var result = await InfraRunner.RunAsync("compile", new Dictionary<string, string> { ["PULUMI_STACK"] = stack, ["PULUMI_CONFIG"] = StackConfigSources.ToPulumiConfigJson(config) });
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        var program = YamlReader.Read(result.Out)!.AsObject();
        var errors = PulumiProgramValidator.Shared.Validate(program).Concat(SynthesizedRepository.ProgramObjects(program).SelectMany(KubernetesValidator.Validate)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return [.. SynthesizedRepository.ProgramObjects(program)];
    }

    [Fact]
    public async Task The_drilled_stack_deploys_three_instances_with_a_superuser_login_in_its_own_namespace()
    {
        var cluster = (await CompileAsync(DrillStack, null)).Single(o => (string?)o["kind"] == "Cluster");

        Assert.Equal(EphemeralDatabaseStack.Namespace("linkding", DrillStack), (string?)cluster["metadata"]!["namespace"]);
        Assert.Equal(EphemeralDatabaseStack.DrillInstances, (int)cluster["spec"]!["instances"]!);
        Assert.True((bool)cluster["spec"]!["enableSuperuserAccess"]!);
        Assert.NotNull(cluster["spec"]!["bootstrap"]!["initdb"]);
    }

    [Fact]
    public async Task A_restore_stack_recovers_the_asked_backup_and_time_from_the_drilled_stacks_container()
    {
        var recovery = new RecoverySource(DrillStack, "20261122T101010", new DateTimeOffset(2026, 11, 22, 10, 12, 13, 456, TimeSpan.Zero));

        var objects = await CompileAsync(RestoreStack, recovery);

        var cluster = objects.Single(o => (string?)o["kind"] == "Cluster");
        Assert.Equal(EphemeralDatabaseStack.Namespace("linkding", RestoreStack), (string?)cluster["metadata"]!["namespace"]);
        Assert.Equal(EphemeralDatabaseStack.RestoreInstances, (int)cluster["spec"]!["instances"]!);
        var target = cluster["spec"]!["bootstrap"]!["recovery"]!["recoveryTarget"]!;
        Assert.Equal("20261122T101010", (string?)target["backupID"]);
        Assert.Equal(recovery.TargetTime, DateTimeOffset.Parse((string)target["targetTime"]!, System.Globalization.CultureInfo.InvariantCulture));
        var origin = objects.Single(o => (string?)o["kind"] == "ObjectStore" && (string?)o["metadata"]!["name"] == "linkding-db-origin");
        // The container the driver reads (KubernetesDrillTargets) is the one the drilled stack's cluster archives into.
        Assert.Equal(KubernetesDrillTargets.ContainerUri("stpgpdevbackups", "linkding", DrillStack).ToString(), (string?)origin["spec"]!["configuration"]!["destinationPath"]);
    }
}
