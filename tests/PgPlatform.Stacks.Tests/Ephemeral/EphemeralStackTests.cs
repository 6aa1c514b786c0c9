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
    public async Task RunsInitConfigUpOutputDestroyAndRmInOrderWithTheAutomationFlags()
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
    public async Task EveryCommandGetsTheFileBackendA64CharacterPassphraseAndTheProjectDirectory()
    {
        await EphemeralStack.RunAsync(Options(), (_, _, _) => Task.FromResult(0), CancellationToken.None);

        Assert.All(_pulumi.Facts("PULUMI_BACKEND_URL"), url => Assert.Equal("file://" + _pulumi.BackendDirectory, url));
        Assert.All(_pulumi.Facts("passphrase-length"), length => Assert.Equal("64", length));
        Assert.All(_pulumi.Facts("cwd"), cwd => Assert.Equal(_project, cwd));
        Assert.Equal(8, _pulumi.Facts("cwd").Count);
    }

    [Fact]
    public async Task ASecretGoesOnStandardInputAndNeverIntoArgumentsOrLogs()
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
    public async Task AFailedUpIsAnErrorWithTheSecretRedactedAndTheStackIsDestroyedAndRemoved()
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
    public async Task AFailureOfTheWorkPropagatesAfterDestroyAndRm()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EphemeralStack.RunAsync<int>(Options(), (_, _, _) => throw new InvalidOperationException("drill blew up"), CancellationToken.None));

        Assert.Equal("drill blew up", error.Message);
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "stack output", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task CancellingAHangingUpInterruptsItAndStillDestroysAndRemovesTheStack()
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
    public async Task AnUpPastItsTimeLimitIsAnErrorAndTheStackIsTornDown()
    {
        var options = Options(_pulumi.Environment(hang: "up")) with { DeployTimeout = TimeSpan.FromSeconds(1) };

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Equal(-1, error.ExitCode);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(["stack init", "config set", "config set", "config set", "up", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task AFailedDestroyIsReportedWithHowToFinishAndTheStackIsNotRemoved()
    {
        var options = Options(_pulumi.Environment(fail: "destroy"));

        var error = await Assert.ThrowsAsync<StackTeardownException>(() => EphemeralStack.RunAsync(options, (_, _, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Contains("stack drill-1 was not destroyed", error.Message, StringComparison.Ordinal);
        Assert.Contains("PULUMI_CONFIG_PASSPHRASE_FILE=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stack rm", Verbs());
        Assert.True(File.Exists(Path.Combine(_pulumi.BackendDirectory, "passphrase")));
    }

    [Fact]
    public async Task DisposeAfterAFailureLogsATeardownErrorInsteadOfHidingTheFirstOne()
    {
        var stack = await EphemeralStack.CreateAsync(Options(_pulumi.Environment(fail: "destroy")), CancellationToken.None);

        await stack.DisposeAsync();

        Assert.IsType<StackTeardownException>(stack.TeardownError);
        Assert.Contains(_log, line => line.StartsWith("teardown FAILED: stack drill-1 was not destroyed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeardownRunsOnceHoweverOftenItIsAsked()
    {
        var stack = await EphemeralStack.CreateAsync(Options(), CancellationToken.None);

        await stack.DestroyAsync();
        await stack.DisposeAsync();

        Assert.Equal(1, Verbs().Count(v => v == "destroy"));
        Assert.Equal(1, Verbs().Count(v => v == "stack rm"));
    }

    [Fact]
    public async Task AFailedConfigSetRemovesTheStackItInitialised()
    {
        var options = Options(_pulumi.Environment(fail: "config set"));

        await Assert.ThrowsAsync<PulumiCommandException>(() => EphemeralStack.CreateAsync(options, CancellationToken.None));

        Assert.Equal(["stack init", "config set", "destroy", "stack rm"], Verbs());
    }

    [Fact]
    public async Task ATemporaryBackendIsDeletedAfterACleanTeardown()
    {
        string? backend = null;
        var options = Options() with { BackendDirectory = null };

        await EphemeralStack.RunAsync(options, (stack, _, _) => Task.FromResult(backend = stack.BackendUrl["file://".Length..]), CancellationToken.None);

        Assert.NotNull(backend);
        Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetTempPath()), Path.GetDirectoryName(backend));
        Assert.StartsWith("pg-platform-stack-", Path.GetFileName(backend), StringComparison.Ordinal);
        Assert.False(Directory.Exists(backend), "the backend stays behind; nothing else was created for it");
    }

    [Fact]
    public async Task AMissingCliIsAClearErrorNamingHowToInstallIt()
    {
        var options = Options() with { SearchPath = _project };

        var error = await Assert.ThrowsAsync<PulumiNotFoundException>(() => EphemeralStack.CreateAsync(options, CancellationToken.None));

        Assert.Contains("the pulumi CLI was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(_project, error.Message, StringComparison.Ordinal);
        Assert.Contains("https://www.pulumi.com/docs/install/", error.Message, StringComparison.Ordinal);
        Assert.Empty(_pulumi.Commands);
    }

    [Fact]
    public void ConfigRecordsNeverPrintASecretValue()
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
