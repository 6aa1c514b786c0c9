using PgPlatform.Stacks.Ephemeral;

namespace PgPlatform.Stacks.Tests.Ephemeral;

public sealed class EphemeralDatabaseStackTests : IDisposable
{
    private const string DevStack = """
        config:
          pg-platform:tier: development
          pg-platform:kubeContext: aks-dev-weu
          azure-native:location: westeurope
          pg-platform:databases:
            - name: linkding
            - name: wikijs
              storageSize: 5Gi
        """;

    private readonly string _project = Directory.CreateTempSubdirectory("stack-file-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void A_stack_file_reads_as_config_settings_with_structured_values_as_paths()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), DevStack);

        var stack = StackFile.Read(_project, "dev");

        Assert.Equal("dev", stack.Stack);
        Assert.Equal(["linkding", "wikijs"], stack.Applications);
        Assert.Equal(
        [
            new ConfigSetting("pg-platform:tier", "development"),
            new ConfigSetting("pg-platform:kubeContext", "aks-dev-weu"),
            new ConfigSetting("azure-native:location", "westeurope"),
            new ConfigSetting("pg-platform:databases[0].name", "linkding", IsPath: true),
            new ConfigSetting("pg-platform:databases[1].name", "wikijs", IsPath: true),
            new ConfigSetting("pg-platform:databases[1].storageSize", "5Gi", IsPath: true),
        ], stack.Settings);
    }

    [Fact]
    public void The_ephemeral_stack_keeps_the_base_settings_with_tier_ephemeral_and_only_the_drilled_database()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), DevStack);

        var config = EphemeralDatabaseStack.Config(StackFile.Read(_project, "dev"), "wikijs", "failover-0a1b2c");

        Assert.Equal(
        [
            new ConfigSetting("pg-platform:kubeContext", "aks-dev-weu"),
            new ConfigSetting("azure-native:location", "westeurope"),
            new ConfigSetting("pg-platform:tier", "ephemeral"),
            new ConfigSetting("pg-platform:databases[0].name", "wikijs", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].instances", "3", IsPath: true),
        ], config);
        Assert.Equal("wikijs-failover-0a1b2c", EphemeralDatabaseStack.Namespace("wikijs", "failover-0a1b2c"));
    }

    [Fact]
    public void A_restore_stack_has_one_instance_recovering_from_the_drilled_stack_at_the_backup_and_time_asked_for()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), DevStack);
        var recovery = new RecoverySource("failover-0a1b2c", "20261122T101010", new DateTimeOffset(2026, 11, 22, 11, 12, 13, 456, TimeSpan.FromHours(1)));

        var config = EphemeralDatabaseStack.Config(StackFile.Read(_project, "dev"), "wikijs", "restore-9f8e7d", recovery);

        Assert.Equal(
        [
            new ConfigSetting("pg-platform:databases[0].name", "wikijs", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].instances", "1", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.stack", "failover-0a1b2c", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.backupId", "20261122T101010", IsPath: true),
            new ConfigSetting("pg-platform:databases[0].recoverFrom.targetTime", "2026-11-22T10:12:13.456000Z", IsPath: true),
        ], config.Where(c => c.Key.StartsWith(StackFile.DatabasesKey, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_restore_of_the_latest_state_names_neither_a_backup_nor_a_time()
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), DevStack);

        var config = EphemeralDatabaseStack.Config(StackFile.Read(_project, "dev"), "wikijs", "restore-9f8e7d", new RecoverySource("failover-0a1b2c"));

        Assert.Equal(["name", "instances", "recoverFrom.stack"], config.Where(c => c.Key.StartsWith(StackFile.DatabasesKey, StringComparison.Ordinal)).Select(c => c.Key[(StackFile.DatabasesKey.Length + 4)..]));
    }

    [Fact]
    public void The_committed_dev_stack_of_this_repository_is_readable()
    {
        var root = ThisFile();
        while (!File.Exists(Path.Combine(root, "Pulumi.yaml")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no Pulumi.yaml above the test binaries");
        }

        var stack = StackFile.Read(root, "dev");

        Assert.Equal(["linkding", "wikijs"], stack.Applications);
        Assert.Contains(new ConfigSetting("pg-platform:kubeContext", "aks-dev-weu"), stack.Settings);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;

    [Fact]
    public void A_fresh_stack_name_is_named_for_the_drill_and_unique()
    {
        var first = EphemeralDatabaseStack.NewStackName("restore");
        var second = EphemeralDatabaseStack.NewStackName("restore");

        Assert.Matches("^restore-[0-9a-f]{6}$", first);
        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("Linkding", "drill-1")]
    [InlineData("linkding", "drill_1")]
    [InlineData("a-very-long-application-name-of-forty-ch", "a-very-long-stack-name-that-overflows")]
    public void Names_that_do_not_make_a_namespace_are_refused(string application, string stack)
    {
        File.WriteAllText(Path.Combine(_project, "Pulumi.dev.yaml"), DevStack);

        var error = Assert.Throws<ArgumentException>(() => EphemeralDatabaseStack.Config(StackFile.Read(_project, "dev"), application, stack));

        Assert.Contains("is not a DNS-1123 label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_stack_file_or_one_without_config_is_named()
    {
        Assert.Contains("Pulumi.nope.yaml does not exist", Assert.Throws<FileNotFoundException>(() => StackFile.Read(_project, "nope")).Message, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_project, "Pulumi.bad.yaml"), "foo: 1\n");
        Assert.Contains("has no 'config:' map", Assert.Throws<FormatException>(() => StackFile.Read(_project, "bad")).Message, StringComparison.Ordinal);
    }
}
