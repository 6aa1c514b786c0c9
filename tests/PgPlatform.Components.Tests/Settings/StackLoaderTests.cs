using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Tests.Settings;

/// <summary>Each bad stack setting fails loading with one message naming the setting and the file, and how to fix it.</summary>
public sealed class StackLoaderTests
{
    private static SettingsException LoadFails(TempStackFiles files, string stack = "prod")
    {
        var e = Assert.Throws<SettingsException>(() => StackLoader.Load(files.Directory, stack));
        Assert.Contains("Fix:", e.Message);
        Assert.DoesNotContain('\n', e.Message.TrimEnd('\n'));
        return e;
    }

    [Theory]
    [InlineData("- name: linkding", "- name: Linkding", "'Linkding' is not a DNS-1123 label")]
    [InlineData("- name: linkding", "- name: a-very-long-application-name-that-goes-on-and-on", "at most 40 characters")]
    [InlineData("- name: wikijs", "- name: linkding", "application 'linkding' is listed twice")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: gold", "'pg-platform:tier' in Pulumi.prod.yaml is 'gold'")]
    [InlineData("pg-platform:tier: production", "pg-platform:tierr: production", "unknown setting 'pg-platform:tierr' in Pulumi.prod.yaml")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: production\n  acme:color: blue", "unknown setting 'acme:color'")]
    [InlineData("  pg-platform:kubeContext: aks-prod-weu\n", "", "missing setting 'pg-platform:kubeContext' in Pulumi.prod.yaml")]
    [InlineData("storageSize: 20Gi", "storageSize: 20GB", "storageSize '20GB' is not a Kubernetes quantity")]
    [InlineData("retentionDays: 14", "backupSchedule: 0 3 * * *", "has 5 fields", "'0 0 3 * * *'")]
    [InlineData("retentionDays: 14", "color: blue", "unknown field 'color'")]
    [InlineData("azure-native:tenantId: 8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3", "azure-native:tenantId: contoso", "setting 'azure-native:tenantId' in Pulumi.prod.yaml is 'contoso': it is not a GUID", "e.g. 'azure-native:tenantId: 00000000-0000-0000-0000-000000000000'")]
    [InlineData("  azure-native:tenantId: 8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3\n", "", "missing setting 'azure-native:tenantId' in Pulumi.prod.yaml")]
    [InlineData("azure-native:location: westeurope", "azure-native:location: West Europe", "setting 'azure-native:location' in Pulumi.prod.yaml is 'West Europe': it is not an Azure region name", "e.g. 'azure-native:location: westeurope'")]
    [InlineData("pg-platform:oidcIssuerUrl: https://", "pg-platform:oidcIssuerUrl: http://", "'pg-platform:oidcIssuerUrl' in Pulumi.prod.yaml", "an OIDC issuer is an https:// URL")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: ephemeral", "missing setting 'pg-platform:storageClass' in Pulumi.prod.yaml: a stack of tier ephemeral deploys no foundation", "e.g. 'pg-platform:storageClass: pgp-development'")]
    [InlineData("pg-platform:delivery: gitops", "pg-platform:delivery: argo", "'pg-platform:delivery' in Pulumi.prod.yaml is 'argo'", "use one of gitops, pulumi")]
    [InlineData("pg-platform:tier: production", "pg-platform:tier: ephemeral\n  pg-platform:storageClass: pgp-production", "is 'gitops': a stack of tier ephemeral deploys no foundation", "'pg-platform:delivery: pulumi'")]
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
    [InlineData("pg-platform:kubeContext: aks-prod-weu", "pg-platform:kubeContext: \"aks\\nkind: Secret\"", "setting 'pg-platform:kubeContext' in Pulumi.prod.yaml is 'aks\\u000Akind: Secret': it contains the control character U+000A", "e.g. 'pg-platform:kubeContext: aks-prod-weu'")]
    [InlineData("pg-platform:delivery: gitops", "pg-platform:delivery: gitops\n  pg-platform:gitopsRevision: main..next", "setting 'pg-platform:gitopsRevision' in Pulumi.prod.yaml is 'main..next': a Git ref cannot contain '..' (git check-ref-format rule 3)")]
    [InlineData("pg-platform:gitopsRepoUrl: https://git.example.com/platform/gitops.git", "pg-platform:gitopsRepoUrl: \"https://git.example.com/${pulumi.stack}\"", "setting 'pg-platform:gitopsRepoUrl' in Pulumi.prod.yaml is 'https://git.example.com/${pulumi.stack}': it is not an https://, ssh:// or git@<host>:<path> Git URL; it contains '$'")]
    public void BadStackSettingsAreNamedWithTheirFileAndAFix(string from, string to, params string[] expected)
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", from, to);
        var e = LoadFails(files);
        foreach (var text in expected)
        {
            Assert.Contains(text, e.Message);
        }
    }

    [Fact]
    public void ARecoveryFromAnotherStackIsReadIntoTheDatabasesSelection()
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", "retentionDays: 14", "retentionDays: 14\n      recoverFrom: {stack: dev, targetTime: 2026-11-22T18:00:00Z}");
        var settings = StackLoader.Load(files.Directory, "prod");
        var recovery = Assert.Single(settings.Databases, d => d.RecoverFrom is not null).RecoverFrom!;
        Assert.Equal("dev", recovery.Stack);
        Assert.Null(recovery.BackupId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero), recovery.TargetTime);
    }

    [Fact]
    public void AMalformedStackFileIsNamedWithItsLine()
    {
        using var files = new TempStackFiles();
        files.Write("Pulumi.prod.yaml", "config:\n  pg-platform:tier: production\n  pg-platform:databases: [unclosed\n");
        var e = LoadFails(files);
        Assert.Contains("Pulumi.prod.yaml:", e.Message);
        Assert.Contains("malformed YAML", e.Message);
    }

    [Fact]
    public void AStackFileWithoutConfigSaysWhereSettingsGo()
    {
        using var files = new TempStackFiles();
        files.Write("Pulumi.prod.yaml", "settings:\n  tier: production\n");
        Assert.Contains("has no 'config:' map", LoadFails(files).Message);
    }

    [Fact]
    public void AMissingStackFileListsTheStacksThatExist()
    {
        using var files = new TempStackFiles();
        var e = LoadFails(files, "qa");
        Assert.Contains("stack 'qa' has no stack file Pulumi.qa.yaml", e.Message);
        Assert.Contains("[dev, prod]", e.Message);
    }

    [Fact]
    public void ASecretValueForAPlainSettingIsRefusedWithoutEchoingIt()
    {
        using var files = new TempStackFiles();
        files.Replace("Pulumi.prod.yaml", "pg-platform:kubeContext: aks-prod-weu", "pg-platform:kubeContext:\n    secure: v1:c2VjcmV0LXZhbHVl");
        var e = LoadFails(files);
        Assert.Contains("it is a secret", e.Message);
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", e.Message);
    }
}
