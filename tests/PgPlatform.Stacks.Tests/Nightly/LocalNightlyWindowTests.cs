using PgPlatform.Components.Declaration;
using Microsoft.Extensions.Time.Testing;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.Scheduling;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>
/// The nightly's window on real local targets: two databases drilled side by side (each on its own target), and the
/// window ending while they run. The night's clock is fake, so the window ends exactly when the first restore drill
/// starts (the targets and drills themselves run in real time).
/// </summary>
public sealed class LocalNightlyWindowTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _project = Directory.CreateTempSubdirectory("local-window-").FullName;
    private readonly string _targets = TempRoot.Create("local-window-targets-");

    public LocalNightlyWindowTests(ITestOutputHelper output)
    {
        _output = output;
        StackFiles.Write(_project, "dev", "linkding", "wikijs");
    }

    public void Dispose()
    {
        Directory.Delete(_project, recursive: true);
        Directory.Delete(_targets, recursive: true);
    }

    [Fact]
    public async Task AtTheWindowsEndTheRunningLocalDrillsAreStoppedTornDownAndRecordedAsStopped()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var window = TimeSpan.FromHours(1);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lines = new WindowEndsAt(" restore: start", () => time.Advance(window), new TestOutputWriter(_output));
        var drills = new LocalDatabaseDrills(ApplicationCatalog.All, new LocalTargetOptions { TempRoot = _targets });
        await using var store = await LocalEvidenceStore.StartAsync(Path.Combine(_project, "evidence-store"), new LocalTargetOptions(), timeout.Token);
        var runner = new NightlyRunner(drills)
        {
            Options = new SchedulerOptions { Concurrency = 2, Window = window, DefaultDrillDuration = TimeSpan.FromMinutes(10) },
            Store = store.Store,
            Time = time,
        };

        var report = await runner.RunAsync(DeclaredStack.Load(_project, "dev", drills.Catalog), _project, DrillNames.DefaultDrills, new DrillLog(lines), timeout.Token);

        Assert.True(lines.Ended, "the window never ended: no restore drill started");
        Assert.True(report.StoppedAtWindowEnd);
        Assert.Equal(["linkding", "wikijs"], report.Applications.Select(a => a.Application));
        Assert.All(report.Applications, a => Assert.Equal(NightExecutor.StoppedAtWindowEnd, a.Error));
        Assert.Contains("target: torn down", lines.Text, StringComparison.Ordinal);
        // Nothing left behind: no process of either target, no run directory.
        Assert.Empty(ProcessSweeper.Find(_targets));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_targets));
        var history = await store.Store.ReadHistoryAsync("dev", timeout.Token);
        Assert.Equal(["linkding", "wikijs"], history.Select(h => h.Application));
        Assert.All(history, h => Assert.False(h.Passed));
        Assert.False(report.Passed);
    }
}
