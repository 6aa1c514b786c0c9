using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Settings;

/// <summary>Each bad input gives one clear line (what, where, how to fix), exit code 1 and no stack trace.</summary>
public sealed class BadInputTests
{
    private static async Task<InfraRunner.Result> SynthProd(TempProject project) =>
        await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory]);

    private static async Task AssertFails(TempProject project, params string[] expected)
    {
        var result = await SynthProd(project);
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error);
        }

        Assert.Contains("Fix:", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(project.Out), "nothing is written when the input is bad");
    }

    [Theory]
    [InlineData("- name: linkding", "- name: Linkding", "'Linkding' is not a DNS-1123 label")]
    [InlineData("- name: linkding", "- name: a-very-long-application-name-that-goes-on-and-on", "at most 40 characters")]
    [InlineData("- name: wikijs", "- name: linkding", "application 'linkding' is listed twice")]
    [InlineData("- name: wikijs", "- name: gitlab", "selects application 'gitlab', which the catalog does not declare")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: gold", "'pg-platform:tier' in Pulumi.prod.yaml is 'gold'")]
    [InlineData("pg-platform:tier: production", "pg-platform:tierr: production", "unknown setting 'pg-platform:tierr' in Pulumi.prod.yaml")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: production\n  acme:color: blue", "unknown setting 'acme:color'")]
    [InlineData("  pg-platform:kubeContext: aks-prod-weu\n", "", "missing setting 'pg-platform:kubeContext' in Pulumi.prod.yaml")]
    [InlineData("storageSize: 20Gi", "storageSize: 20GB", "storageSize '20GB' is not a Kubernetes quantity")]
    [InlineData("retentionDays: 14", "backupSchedule: 0 3 * * *", "has 5 fields", "'0 0 3 * * *'")]
    [InlineData("retentionDays: 14", "retentionDays: 90", "outside the production tier's 14 to 30 days")]
    [InlineData("storageSize: 20Gi", "instances: 1", "fewer than the 3 the production tier requires")]
    [InlineData("retentionDays: 14", "color: blue", "unknown field 'color'")]
    [InlineData("azure-native:tenantId: 8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3", "azure-native:tenantId: contoso", "setting 'azure-native:tenantId' in Pulumi.prod.yaml is 'contoso': it is not a GUID", "e.g. 'azure-native:tenantId: 00000000-0000-0000-0000-000000000000'")]
    [InlineData("  azure-native:tenantId: 8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3\n", "", "missing setting 'azure-native:tenantId' in Pulumi.prod.yaml")]
    [InlineData("azure-native:location: westeurope", "azure-native:location: West Europe", "setting 'azure-native:location' in Pulumi.prod.yaml is 'West Europe': it is not an Azure region name", "e.g. 'azure-native:location: westeurope'")]
    [InlineData("pg-platform:oidcIssuerUrl: https://", "pg-platform:oidcIssuerUrl: http://", "'pg-platform:oidcIssuerUrl' in Pulumi.prod.yaml", "an OIDC issuer is an https:// URL")]
    [InlineData("stpgpprodbackups", "St_Backups", "storage account names have 3-24 lower-case letters and digits")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: dev", "'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml is not a mapping")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, color: blue}", "'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml has unknown field 'color'", "use only stack, backupId, targetTime")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {backupId: 20261122T030000}", "'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml names no stack")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: Dev_1}", "stack 'Dev_1' is not a stack name", "e.g. 'prod' or 'drill-1a2b3c'")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: prod}", "stack 'prod' cannot recover from its own backups")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, backupId: ../latest}", "backupId '../latest' is not a Barman backup id")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: yesterday}", "'pg-platform:databases[1].recoverFrom' in Pulumi.prod.yaml: targetTime 'yesterday' is not an RFC 3339 timestamp", "'targetTime: 2026-11-22T18:00:00Z'")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: '2026-11-22T19:00:00+01:00'}", "targetTime '2026-11-22T19:00:00+01:00' is not in UTC", "'targetTime: 2026-11-22T18:00:00Z'")]
    [InlineData("retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: '2026-02-30T10:00:00Z'}", "targetTime '2026-02-30T10:00:00Z' is not an RFC 3339 timestamp")]
    public async Task BadStackSettings(string from, string to, params string[] expected)
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", from, to);
        await AssertFails(project, expected);
    }

    [Fact]
    public async Task AStackMayRestoreFromAnotherStacksBackups()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: 2026-11-22T18:00:00Z}");
        var result = await SynthProd(project);
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        var program = File.ReadAllText(Path.Combine(project.Out, "program.yaml"));
        Assert.Contains("targetTime: \"2026-11-22T18:00:00Z\"", program);
        Assert.Contains("/blobServices/default/containers/wikijs-dev", program);
    }

    [Fact]
    public async Task MalformedStackFileNamesFileAndLine()
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "config:\n  pg-platform:tier: production\n  pg-platform:databases: [unclosed\n");
        await AssertFails(project, "Pulumi.prod.yaml:", "malformed YAML");
    }

    [Fact]
    public async Task StackFileWithoutConfigSaysWhereSettingsGo()
    {
        using var project = new TempProject();
        project.Write("Pulumi.prod.yaml", "settings:\n  tier: production\n");
        await AssertFails(project, "has no 'config:' map");
    }

    [Fact]
    public async Task MissingStackFileListsTheStacksThatExist()
    {
        using var project = new TempProject();
        var result = await InfraRunner.RunAsync(["synth", "--stack", "qa", "--out", project.Out, "--project-dir", project.Directory]);
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("stack 'qa' has no stack file Pulumi.qa.yaml", result.Error);
        Assert.Contains("[dev, prod]", result.Error);
    }

    [Fact]
    public async Task ABrokenSiblingStackIsNamedBecauseTheGitOpsTreeCoversAllStacks()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.dev.yaml", "pg-platform:tier: development", "pg-platform:tier: dev");
        await AssertFails(project, "Pulumi.dev.yaml");
    }

    [Fact]
    public async Task SecretValuesForPlainSettingsAreRefusedWithoutEchoingThem()
    {
        using var project = new TempProject();
        project.Replace("Pulumi.prod.yaml", "pg-platform:kubeContext: aks-prod-weu", "pg-platform:kubeContext:\n    secure: v1:c2VjcmV0LXZhbHVl");
        var result = await SynthProd(project);
        Assert.Equal(ExitCode.Failed, result.ExitCode);
        Assert.Contains("it is a secret", result.Error);
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", result.Error);
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
}
