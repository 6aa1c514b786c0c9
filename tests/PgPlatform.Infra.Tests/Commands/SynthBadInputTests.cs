using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Whatever layer refuses a bad input (settings, the catalog, a tier), <c>synth</c> prints one clear line (what,
/// where, how to fix), exits 1 and writes nothing. Every message itself is tested where it is made
/// (PgPlatform.Components.Tests: Settings/, Declaration/, Day2/).
/// </summary>
public sealed class SynthBadInputTests
{
    private static async Task<InfraRunner.Result> SynthProd(TempProject project) =>
        await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory]);

    private static Task AssertFails(TempProject project, params string[] expected) => AssertFails(ExitCode.Failed, project, expected);

    private static async Task AssertFails(ExitCode code, TempProject project, params string[] expected)
    {
        var result = await SynthProd(project);
        Assert.Equal(code, result.ExitCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error);
        }

        Assert.Matches(@"^error: [^\n]*Fix: [^\n]*\n$", result.Error);
        Assert.False(Directory.Exists(project.Out), "nothing is written when the input is bad");
    }

    [Theory]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: gold", "'pg-platform:tier' in Pulumi.prod.yaml is 'gold'")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: prod}", "stack 'prod' cannot recover from its own backups")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: nosuchstack}", "'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml: stack 'nosuchstack' does not exist (no Pulumi.nosuchstack.yaml in ", "Fix: name a stack that exists: one of [dev]")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: 2999-01-01T00:00:00Z}", "targetTime '2999-01-01T00:00:00Z' is in the future (it is now 20", "Fix: choose a time in the past")]
    [InlineData("pg-platform:kubeContext: aks-prod-weu", "pg-platform:kubeContext: \"aks\\n${x}\"", "setting 'pg-platform:kubeContext' in Pulumi.prod.yaml is 'aks\\u000A${x}': it contains the control character U+000A")]
    [InlineData("- name: wikijs", "- name: gitlab", "selects application 'gitlab', which the catalog does not declare", "infra/Platform/ApplicationCatalog.cs")]
    [InlineData("storageSize: 20Gi", "instances: 1", "'pg-platform:databases[0]' in Pulumi.prod.yaml: instances 1 is outside the production tier's 3 to 9")]
    [InlineData("storageSize: 20Gi", "instances: 1000", "'pg-platform:databases[0]' in Pulumi.prod.yaml: instances 1000 is outside the production tier's 3 to 9")]
    [InlineData("storageSize: 20Gi", "instances: -3", "instances '-3' is negative. Fix: write a whole number")]
    [InlineData("storageSize: 20Gi", "instances: 99999999999", "instances '99999999999' is too large (at most 2,147,483,647)")]
    [InlineData("storageSize: 20Gi", "instances: 2.5", "instances '2.5' is not a whole number")]
    [InlineData("storageSize: 20Gi", "storageSize: -1Gi", "storageSize '-1Gi' is outside the production tier's 1Gi to 32767Gi")]
    [InlineData("storageSize: 20Gi", "storageSize: 0Gi", "storageSize '0Gi' is outside the production tier's 1Gi to 32767Gi")]
    [InlineData("storageSize: 20Gi", "storageSize: 999999Ei", "storageSize '999999Ei' is outside the production tier's 1Gi to 32767Gi")]
    [InlineData("walStorageSize: 5Gi", "walStorageSize: 50Gi", "walStorageSize '50Gi' is larger than the data volume ('20Gi')")]
    [InlineData("retentionDays: 14", "retentionDays: 99", "'pg-platform:databases[1]' in Pulumi.prod.yaml: retentionDays 99 is outside the production tier's 14 to 30 days")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"99 99 99 * * *\"", "backupSchedule: field 1 (second) of '99 99 99 * * *': '99' is outside 0-59")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"0 0 3 * 13 *\"", "field 5 (month) of '0 0 3 * 13 *': '13' is outside 1-12")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"0 0 0 31 2 *\"", "'0 0 0 31 2 *' never fires (no such date)")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"* * * * * *\"", "backupSchedule '* * * * * *' takes a base backup every 1 second(s), more often than the production tier's once per 1 hour(s)")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"@every 10m\"", "takes a base backup every 10 minute(s), more often than the production tier's once per 1 hour(s)")]
    [InlineData("storageSize: 20Gi", "backupSchedule: \"0 0,30 * * * *\"", "takes a base backup every 30 minute(s)")]
    public async Task ABadInputIsOneLineWithAFixAndNothingIsWritten(string from, string to, params string[] expected)
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", from, to);
        await AssertFails(project, expected);
    }

    [Theory]
    [InlineData("@daily")]
    [InlineData("@weekly")]
    [InlineData("0 0 3 * * sun")]
    [InlineData("0 0 */2 * * *")]
    public async Task ScheduleMacrosAndSchedulesWithinTheTiersIntervalAreAccepted(string schedule)
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "storageSize: 20Gi", $"storageSize: 20Gi\n      backupSchedule: \"{schedule}\"");
        var result = await SynthProd(project);
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
    }

    [Fact]
    public async Task AMalformedStackFileIsOneLineWithItsFileAndLine()
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n  pg-platform:tier: production\n  pg-platform:databases: [unclosed\n");
        await AssertFails(ExitCode.Usage, project, "Pulumi.prod.yaml:", "malformed YAML");
    }

    [Fact]
    public async Task AStackMayRestoreFromAnotherStacksBackups()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: 2026-11-22T18:00:00Z}");
        var result = await SynthProd(project);
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        // The Cluster is Argo CD's (GitOps delivery), the source reader role Pulumi's.
        var program = File.ReadAllText(Path.Combine(project.Out, "program.yaml"));
        var overlay = string.Concat(Directory.GetFiles(Path.Combine(project.Out, "gitops", "databases", "wikijs", "overlays", "prod")).Select(File.ReadAllText));
        Assert.Contains("targetTime: \"2026-11-22T18:00:00Z\"", overlay);
        Assert.Contains("/blobServices/default/containers/wikijs-dev", program);
    }

    [Fact]
    public async Task ABrokenSiblingStackIsNamedBecauseTheGitOpsTreeCoversAllStacks()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.dev.yaml", "pg-platform:tier: development", "pg-platform:tier: dev");
        await AssertFails(project, "Pulumi.dev.yaml");
    }

    [Fact]
    public async Task ANonEmptyOutDirectoryThatPgPlatformDidNotWriteIsLeftAlone()
    {
        using var project = new TempProject();
        var gitops = Path.Combine(project.Out, "gitops");
        Directory.CreateDirectory(gitops);
        File.WriteAllText(Path.Combine(gitops, "precious.txt"), "keep me");
        var result = await SynthProd(project);
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("was not written by pg-platform", result.Error);
        Assert.True(File.Exists(Path.Combine(gitops, "precious.txt")));
    }

    [Fact]
    public async Task AForeignProgramYamlIsNotOverwrittenUnlessForced()
    {
        using var project = new TempProject();
        Directory.CreateDirectory(project.Out);
        File.WriteAllText(Path.Combine(project.Out, "program.yaml"), "my own program\n");

        var result = await SynthProd(project);

        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Matches(@"^error: [^\n]*/out exists, is not empty and was not written by pg-platform \(no \.pg-platform-generated in it\)\. Fix: [^\n]*--force[^\n]*\n$", result.Error);
        Assert.Equal("my own program\n", File.ReadAllText(Path.Combine(project.Out, "program.yaml")));
        Assert.Equal(["program.yaml"], Directory.EnumerateFileSystemEntries(project.Out).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateDirectories(project.Directory, ".out.*"));

        var forced = await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory, "--force"]);

        Assert.True(forced.ExitCode == ExitCode.Success, forced.Error);
        Assert.StartsWith("name: ", File.ReadAllText(Path.Combine(project.Out, "program.yaml")));
        Assert.True(File.Exists(Path.Combine(project.Out, ".pg-platform-generated")));
        Assert.True(Directory.Exists(Path.Combine(project.Out, "gitops", "databases")));
    }
}
