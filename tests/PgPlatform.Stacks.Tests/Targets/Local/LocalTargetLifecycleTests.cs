using PgPlatform.Stacks.Waits;
using PgPlatform.Stacks.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>Start, cancellation and stale-run sweeping, each in a temp root the test inspects.</summary>
public sealed class LocalTargetLifecycleTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _tempRoot = TempRoot.Create("pg-platform-lifecycle-");

    public void Dispose() => Directory.Delete(_tempRoot, recursive: true);

    [Fact]
    public async Task CancellingTheStartTearsDownWhateverHadStarted()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var start = LocalTarget.StartAsync(new LocalTargetOptions { TempRoot = _tempRoot }, LocalShape.Lab, message =>
        {
            output.WriteLine(message);
            if (message.StartsWith("etcd on", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);

        Assert.Empty(ProcessSweeper.Find(_tempRoot));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
    }

    [Fact]
    public async Task ARunDirectoryWhoseDriverDiedIsSweptWithItsProcessesByTheNextRun()
    {
        var deadPid = Enumerable.Range(4_000_000, 1000).First(pid => !NativeMethods.IsAlive(pid));
        var stale = Directory.CreateDirectory(Path.Combine(_tempRoot, $"{RunDirectory.Prefix}{deadPid}-deadbeef")).FullName;
        using var orphan = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "300") { WorkingDirectory = stale })!;
        await Waiting.UntilAsync("the orphan to be visible", TimeSpan.FromSeconds(30), _ => Task.FromResult(ProcessSweeper.Find(stale).Count == 1), CancellationToken.None);

        var fresh = RunDirectory.Create(_tempRoot);

        Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.False(Directory.Exists(stale));
        Assert.Empty(fresh.Destroy());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
    }

    [Fact]
    public async Task AMissingPrerequisiteFailsBeforeAnythingStartsNamingTheInstallCommand()
    {
        var e = await Assert.ThrowsAsync<PgPlatform.Stacks.Targets.TargetUnavailableException>(() =>
            LocalTarget.StartAsync(new LocalTargetOptions { AzuriteBlobPath = "/nonexistent/azurite-blob", TempRoot = _tempRoot }, LocalShape.Lab, _ => { }, CancellationToken.None));

        Assert.Contains("Azurite (/nonexistent/azurite-blob)", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("Install with: bash scripts/install-prereqs.sh", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tempRoot));
    }
}
