using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using PgPlatform.Stacks.Ephemeral;

namespace PgPlatform.Stacks.Tests.Ephemeral;

public sealed class EphemeralStackTests : IDisposable
{
    private const string Secret = "s3cr3t-Value-that-must-never-leak";
    private readonly FakePulumi _pulumi = new();
    private readonly List<string> _log = [];
    private readonly string _project = Directory.CreateTempSubdirectory("ephemeral-project-").FullName;

    public void Dispose()
    {
        _pulumi.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Fact]
    public async Task Runs_init_config_up_output_destroy_and_rm_in_order_with_the_automation_flags()
    {
        var outputs = await EphemeralStack.RunAsync(Options(), (_, o, _) => Task.FromResult(o), CancellationToken.None);

        var config = $"--config-file {_pulumi.BackendDirectory}/Pulumi.drill-1.yaml";
        Assert.Equal(
        [
            $"stack init drill-1 --secrets-provider passphrase --non-interactive {config}",
            $"config set --stack drill-1 {config} --plaintext --non-interactive -- pg-platform:tier ephemeral",
            $"config set --stack drill-1 {config} --plaintext --path --non-interactive -- pg-platform:databases[0].name linkding",
            $"config set --stack drill-1 {config} --secret --non-interactive -- pg-platform:probePassword",
            $"up --stack drill-1 {config} --yes --skip-preview --non-interactive",
            $"stack output --stack drill-1 {config} --json",
            $"destroy --stack drill-1 {config} --yes --skip-preview --non-interactive",
            $"stack rm drill-1 --yes --non-interactive {config}",
        ], _pulumi.Commands);
        Assert.Equal("linkding-failover-a1b2c3", outputs.String("linkding-namespace"));
        Assert.Equal("linkding-db-rw.linkding-failover-a1b2c3.svc", outputs.String("linkding-rw-host"));
    }

    [Fact]
    public async Task Every_command_gets_the_file_backend_a_64_character_passphrase_and_the_project_directory()
    {
        await EphemeralStack.RunAsync(Options(), (_, _, _) => Task.FromResult(0), CancellationToken.None);

        Assert.All(_pulumi.Facts("PULUMI_BACKEND_URL"), url => Assert.Equal("file://" + _pulumi.BackendDirectory, url));
        Assert.All(_pulumi.Facts("passphrase-length"), length => Assert.Equal("64", length));
        Assert.All(_pulumi.Facts("cwd"), cwd => Assert.Equal(_project, cwd));
        Assert.Equal(8, _pulumi.Facts("cwd").Count);
    }

    [Fact]
    public async Task A_secret_goes_on_standard_input_and_never_into_arguments_or_logs()
    {
        await EphemeralStack.RunAsync(Options(), (_, _, _) => Task.FromResult(0), CancellationToken.None);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
        Assert.Equal(hash, _pulumi.StdinHashes[3]);
        Assert.Equal(7, _pulumi.StdinHashes.Count(h => h == "none"));
        Assert.DoesNotContain(Secret, _pulumi.LogText, StringComparison.Ordinal);
        Assert.DoesNotContain(_log, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(_log, line => line.StartsWith("pulumi config set", StringComparison.Ordinal) && line.EndsWith("pg-platform:probePassword", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_up_is_an_error_with_the_secret_redacted_and_the_stack_is_destroyed_and_removed()
    {
        var options = Options(_pulumi.Environment(fail: "up", stderr: $"resource rejected password {Secret}"));

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.Contains("up failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("[secret]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task A_failure_of_the_work_propagates_after_destroy_and_rm()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EphemeralStack.RunAsync<int>(Options(), (_, _, _) => throw new InvalidOperationException("drill blew up"), CancellationToken.None));

        Assert.Equal("drill blew up", error.Message);
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "stack output", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task Cancelling_a_hanging_up_interrupts_it_and_still_destroys_and_removes_the_stack()
    {
        using var cancel = new CancellationTokenSource();
        var options = Options(_pulumi.Environment(hang: "up")) with
        {
            Log = line =>
            {
                _log.Add(line);
                if (line.StartsWith("pulumi up", StringComparison.Ordinal))
                {
                    cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
                }
            },
        };
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"cancellation took {clock.Elapsed}");
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task An_up_past_its_time_limit_is_an_error_and_the_stack_is_torn_down()
    {
        var options = Options(_pulumi.Environment(hang: "up")) with { DeployTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Equal(-1, error.ExitCode);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task A_failed_destroy_is_reported_with_how_to_finish_and_the_stack_is_not_removed()
    {
        var options = Options(_pulumi.Environment(fail: "destroy"));

        var error = await Assert.ThrowsAsync<StackTeardownException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Contains("stack drill-1 was not destroyed", error.Message, StringComparison.Ordinal);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE_FILE=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stack rm", Verbs());
        Assert.True(File.Exists(Path.Combine(_pulumi.BackendDirectory, "passphrase")));
    }

    [Fact]
    public async Task Dispose_after_a_failure_logs_a_teardown_error_instead_of_hiding_the_first_one()
    {
        var stack = await EphemeralStack.CreateAsync(Options(_pulumi.Environment(fail: "destroy")), CancellationToken.None);

        await stack.DisposeAsync();

        Assert.IsType<StackTeardownException>(stack.TeardownError);
        Assert.Contains(_log, line => line.StartsWith("teardown FAILED: stack drill-1 was not destroyed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teardown_runs_once_however_often_it_is_asked()
    {
        var stack = await EphemeralStack.CreateAsync(Options(), CancellationToken.None);

        await stack.DestroyAsync();
        await stack.DisposeAsync();

        Assert.Equal(1, Verbs().Count(v => v == "destroy"));
        Assert.Equal(1, Verbs().Count(v => v == "stack rm"));
    }

    [Fact]
    public async Task A_failed_config_set_removes_the_stack_it_initialised()
    {
        var options = Options(_pulumi.Environment(fail: "config set"));

        await Assert.ThrowsAsync<PulumiCommandException>(() => EphemeralStack.CreateAsync(options, CancellationToken.None));

        Assert.Equal(["stack init", "config set", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task A_temporary_backend_is_deleted_after_a_clean_teardown()
    {
        string? backend = null;
        var options = Options() with { BackendDirectory = null };

        await EphemeralStack.RunAsync(options, (stack, _, _) => Task.FromResult(backend = stack.BackendUrl["file://".Length..]), CancellationToken.None);

        Assert.NotNull(backend);
        Assert.StartsWith(Path.GetTempPath(), backend, StringComparison.Ordinal);
        Assert.False(Directory.Exists(backend));
    }

    [Fact]
    public async Task A_missing_cli_is_a_clear_error_naming_how_to_install_it()
    {
        var options = Options() with { SearchPath = _project };

        var error = await Assert.ThrowsAsync<PulumiNotFoundException>(() => EphemeralStack.CreateAsync(options, CancellationToken.None));

        Assert.Contains("the pulumi CLI was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(_project, error.Message, StringComparison.Ordinal);
        Assert.Contains("https://www.pulumi.com/docs/install/", error.Message, StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    [Fact]
    public void Config_records_never_print_a_secret_value()
    {
        Assert.Equal("k = [secret]", new ConfigSetting("k", Secret, IsSecret: true).ToString());
        Assert.Equal("k = v", new ConfigSetting("k", "v").ToString());
    }

    private List<string> Verbs() => [.. _pulumi.Commands.Select(c => c.Split(' ') is var w && w[0] is "stack" or "config" ? $"{w[0]} {w[1]}" : w[0])];

    private EphemeralStackOptions Options(Dictionary<string, string>? environment = null) => new()
    {
        StackName = "drill-1",
        ProjectDirectory = _project,
        BackendDirectory = _pulumi.BackendDirectory,
        SearchPath = _pulumi.SearchPath,
        Environment = environment ?? _pulumi.Environment(),
        Config =
        [
            new ConfigSetting("pg-platform:tier", "ephemeral"),
            new ConfigSetting("pg-platform:databases[0].name", "linkding", IsPath: true),
            new ConfigSetting("pg-platform:probePassword", Secret, IsSecret: true),
        ],
        Log = _log.Add,
    };
}
