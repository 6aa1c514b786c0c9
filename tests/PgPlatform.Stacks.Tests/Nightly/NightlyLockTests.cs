using System.CommandLine;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Nightly.EvidenceStore;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>One nightly per <c>--out</c>: an operating-system lock held for the run, <c>--plan</c> included, and a leftover evidence-store Azurite ended.</summary>
public sealed class NightlyLockTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("nightly-lock-").FullName;

    public NightlyLockTests() => StackFiles.Write(_project, "dev", "linkding");

    private string Out => Path.Combine(_project, "out");

    public void Dispose() => Directory.Delete(_project, recursive: true);

    [Fact]
    public void ASecondHolderIsRefusedNamingTheFirstAndTheLockIsFreeAgainOnceReleased()
    {
        Directory.CreateDirectory(Out);
        var first = RunLock.TryTake(Out, "nightly", "--out", out var none);
        Assert.NotNull(first);
        Assert.Null(none);

        Assert.Null(RunLock.TryTake(Out, "nightly", "--out", out var error));
        Assert.Matches($@"^another run holds {Path.Combine(Out, RunLock.FileName)} \(pid {Environment.ProcessId}, nightly, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\): one nightly at a time per --out\. Fix: wait for it to end, or give another --out\.$", error);

        first.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Out));
        using var again = RunLock.TryTake(Out, "nightly", "--out", out _);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task ANightlyOnAnOutAnotherRunHoldsExitsBusyBeforeStartingAnything()
    {
        Directory.CreateDirectory(Out);
        using var held = RunLock.TryTake(Out, "nightly", "--out", out _);

        var (exit, error) = await NightlyAsync($"--target local --out {Out}");

        Assert.Equal((int)ExitCode.Busy, exit);
        Assert.StartsWith($"error: another run holds {Path.Combine(Out, RunLock.FileName)} (pid {Environment.ProcessId}, nightly, ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Out, NightlyCommand.EvidenceStoreDirectory)), "a refused nightly started an evidence store");
    }

    [Fact]
    public async Task APlanOnTheEvidenceStoreOfARunningNightlyIsRefusedToo()
    {
        Directory.CreateDirectory(Path.Combine(Out, NightlyCommand.EvidenceStoreDirectory));
        using var held = RunLock.TryTake(Out, "nightly", "--out", out _);

        var (exit, error) = await NightlyAsync($"--plan --target local --out {Out}");

        Assert.Equal((int)ExitCode.Busy, exit);
        Assert.Contains("one nightly at a time per --out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAzuriteAnEarlierRunLeftOnTheStoreIsEndedAndTheStoreStartsAgainOnTheSameData()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var directory = Path.Combine(Out, NightlyCommand.EvidenceStoreDirectory);
        Directory.CreateDirectory(directory);
        // What a SIGKILLed nightly leaves: its evidence store's Azurite, serving the directory, never stopped.
        var leftover = new Azurite(new LocalTargetOptions().AzuriteLauncher, directory, PortAllocator.Next(), NightlyEvidence.Container, new RunAs(null));
        try
        {
            await leftover.StartAsync(timeout.Token);
            Assert.True(leftover.Running);

            await using var store = await LocalEvidenceStore.StartAsync(directory, new LocalTargetOptions(), timeout.Token);

            var swept = Assert.Single(store.Swept);
            Assert.False(NativeMethods.IsAlive(swept), $"leftover Azurite {swept} still runs");
            Assert.False(leftover.Running);
            await store.Store.WriteAsync(new EvidenceRecord { Stack = "dev", RunId = EvidenceRecord.NewRunId(DateTimeOffset.UtcNow), Application = "linkding", StartedAt = DateTimeOffset.UtcNow, DurationSeconds = 1, Passed = true }, timeout.Token);
            Assert.Single(await store.Store.ReadHistoryAsync("dev", timeout.Token));
        }
        finally
        {
            leftover.Kill();
        }
    }

    private async Task<(int Exit, string Error)> NightlyAsync(string extra)
    {
        var error = new StringWriter();
        var root = new RootCommand("test") { new NightlyCommand(new CommandContext(TextWriter.Null, error, _ => null, _project), _ => Drills()) };
        var exit = await root.Parse($"nightly --stack dev --project-dir {_project} {extra}").InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        return (exit, error.ToString());
    }

    private static EphemeralDrillRun Drills() => new()
    {
        Catalog = TestCatalog.Of("linkding"),
        StartTarget = (_, _) => throw new TargetUnavailableException("a refused nightly starts no target"),
    };
}
