using System.Diagnostics;
using System.Text.Json;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Tests.Evidence;
using Xunit.Abstractions;

namespace PgPlatform.Stacks.Tests.Commands;

/// <summary>The real command line against the real local target: a passing run, and Ctrl-C in the middle of one.</summary>
public sealed class DrillCommandLocalTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = TempRoot.Create("pg-platform-cli-");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task APassingRunExits0WithProgressASummaryAndEvidenceFiles()
    {
        var outDir = Path.Combine(_dir, "evidence");

        var result = await StacksRunner.RunAsync(["drill", "--target", "local", "--drill", "rotation", "--out", outDir]);
        output.WriteLine(result.Out + result.Error);

        Assert.True(result.ExitCode == (int)ExitCode.Success, $"exit {result.ExitCode}: {result.Error}");
        Assert.Matches(@"\[ +[0-9.]+ s\] lab target: Patroni cluster up", result.Out);
        Assert.Matches(@"\[ +[0-9.]+ s\] lab rotation: passed in", result.Out);
        Assert.Contains("timing: target start", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "evidence.json")));
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        var drills = json.RootElement.GetProperty("drills").EnumerateArray().ToList();
        Assert.Equal(["rotation"], drills.Select(d => d.GetProperty("drill").GetString()));
        Assert.All(drills, d => Assert.All(EvidenceWriterTests.DesignFields, f => Assert.True(d.TryGetProperty(f, out _), f)));
        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, "evidence.md"));
        Assert.Contains("| rotation | passed |", markdown, StringComparison.Ordinal);
        Assert.Contains("Drilled: lab self-test (no declared stack).", markdown, StringComparison.Ordinal);
        Assert.Equal("lab self-test (no declared stack)", json.RootElement.GetProperty("shape").GetProperty("subject").GetString());
        var run = System.Text.RegularExpressions.Regex.Match(result.Out, "target: run directory (\\S+)").Groups[1].Value;
        Assert.StartsWith(Path.GetTempPath(), run, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
        Assert.Empty(ProcessSweeper.Find(run));
    }

    [Fact]
    public async Task TheBackupDrillAloneOnAFreshTargetPassesOnTheImmediateBackupTheScheduledBackupWouldTake()
    {
        var outDir = Path.Combine(_dir, "evidence");

        var result = await StacksRunner.RunAsync(["drill", "--target", "local", "--drill", "backup", "--out", outDir]);
        output.WriteLine(result.Out + result.Error);

        Assert.True(result.ExitCode == (int)ExitCode.Success, $"exit {result.ExitCode}: {result.Error}");
        var immediate = System.Text.RegularExpressions.Regex.Match(result.Out, "target: immediate base backup ([0-9]{8}T[0-9]{6}) ");
        Assert.True(immediate.Success, result.Out);
        var backup = EvidenceWriterFromFile(outDir).Drills.Single();
        Assert.Equal(("backup", PgPlatform.Stacks.Evidence.DrillOutcome.Passed), (backup.Drill, backup.Outcome));
        Assert.Equal(immediate.Groups[1].Value, backup.BackupId);
        Assert.Contains("WAL continuous from", backup.Reason, StringComparison.Ordinal);
    }

    private static PgPlatform.Stacks.Evidence.RunEvidence EvidenceWriterFromFile(string outDir) =>
        PgPlatform.Stacks.Evidence.EvidenceWriter.FromJson(File.ReadAllText(Path.Combine(outDir, "evidence.json")));

    [Fact]
    public async Task CtrlCDuringARunTearsTheTargetDownBeforeTheProcessExits()
    {
        // The driver as its own process (SIGINT must reach a real one), with its run directory under a temp
        // root this test owns, so "no leftovers" can be checked exactly.
        var tmp = Directory.CreateDirectory(Path.Combine(_dir, "tmp")).FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Directory.GetCurrentDirectory() };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "pg-platform.dll"), "drill", "--drill", "failover", "--out", Path.Combine(_dir, "out") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TMPDIR"] = tmp;
        using var driver = Process.Start(start)!;
        var lines = new List<string>();
        var started = new TaskCompletionSource();
        driver.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            // etcd and Azurite are up and the Patroni members are being written: a run well under way.
            if (e.Data.Contains("target: etcd on", StringComparison.Ordinal))
            {
                started.TrySetResult();
            }
        };
        driver.BeginOutputReadLine();
        try
        {
            // A driver that cannot start (a missing prerequisite) exits first; its error says what to install.
            var exited = driver.WaitForExitAsync();
            await Task.WhenAny(started.Task, exited).WaitAsync(TimeSpan.FromSeconds(90));
            Assert.False(exited.IsCompleted, $"the driver exited {(exited.IsCompleted ? driver.ExitCode : 0)} before the target started: {(exited.IsCompleted ? await driver.StandardError.ReadToEndAsync() : "")}");
            Assert.NotEmpty(ProcessSweeper.Find(tmp));

            NativeMethods.Signal(driver.Id, 2);

            Assert.True(driver.WaitForExit(TimeSpan.FromSeconds(60)), "the driver did not exit within 60 s of SIGINT");
            output.WriteLine(string.Join('\n', lines) + "\n" + await driver.StandardError.ReadToEndAsync());
            Assert.Equal((int)ExitCode.Cancelled, driver.ExitCode);
            Assert.Empty(ProcessSweeper.Find(tmp));
            Assert.Empty(Directory.EnumerateDirectories(tmp, RunDirectory.Prefix + "*"));
        }
        finally
        {
            if (!driver.HasExited)
            {
                driver.Kill(entireProcessTree: true);
            }

            RunDirectory.SweepStale(tmp);
        }
    }
}
