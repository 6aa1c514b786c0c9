using System.Diagnostics;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Runs drills on a target: starts it, runs each drill (a drill that throws is a failed drill, never a
/// crash of the run), and tears the target down whatever happens, timing every phase.
/// </summary>
public static class DrillRunner
{
    /// <summary>The implementation of <paramref name="kind"/>.</summary>
    public static IDrill Create(DrillKind kind) => kind switch
    {
        DrillKind.Failover => new FailoverDrill(),
        DrillKind.Restore => new RestoreDrill(),
        DrillKind.Rotation => new RotationDrill(),
        DrillKind.Backup => new BackupHealthDrill(),
        DrillKind.Alerts => new AlertDrill(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Starts a target with <paramref name="startTarget"/>, runs <paramref name="drills"/> in order with
    /// <paramref name="fault"/> injected into those it affects, and disposes the target. Once a fault that leaves the
    /// target unfit (<see cref="DrillNames.LeavesTargetUnfit"/>) was injected, the remaining drills are not run and
    /// their evidence says why. A <see cref="TargetUnavailableException"/> from the start propagates (nothing ran).
    /// </summary>
    public static async Task<RunEvidence> RunAsync(Func<CancellationToken, Task<IDrillTarget>> startTarget, IReadOnlyList<DrillKind> drills, Fault fault, DrillLog log, CancellationToken cancellationToken, DrillApplication? application = null)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        log.Planned(drills);
        log.Write("target", "starting");
        var target = await startTarget(cancellationToken);
        timings.Add(new PhaseTiming("target start", clock.Elapsed.TotalSeconds));
        log.Write("target", $"{target.Name} ready ({target.Facts.OperatorVersion}, {target.Facts.PostgresImage})");
        var evidence = new List<DrillEvidence>();
        string? unfit = null;
        try
        {
            foreach (var kind in drills)
            {
                if (unfit is not null)
                {
                    evidence.Add(NotRun(target, kind, unfit, log));
                    continue;
                }

                clock.Restart();
                var injected = DrillNames.Affected(fault).Contains(kind) ? fault : Fault.None;
                evidence.Add(await RunOneAsync(target, kind, injected, log, cancellationToken, application));
                timings.Add(new PhaseTiming($"drill {DrillNames.Name(kind)}", clock.Elapsed.TotalSeconds));
                if (DrillNames.LeavesTargetUnfit(injected) is { } why)
                {
                    unfit = $"not run: the {DrillNames.Name(kind)} drill's fault {DrillNames.Name(injected)} left the target unfit: {why}; run this drill without --fault {DrillNames.Name(injected)}";
                }
            }
        }
        finally
        {
            clock.Restart();
            await target.DisposeAsync();
            timings.Add(new PhaseTiming("teardown", clock.Elapsed.TotalSeconds));
            log.Write("target", "torn down");
        }

        return new RunEvidence { Target = target.Name, Fault = DrillNames.Name(fault), StartedAt = startedAt, Drills = evidence, Timings = timings };
    }

    /// <summary>The evidence of a drill that was not run on <paramref name="target"/>, for <paramref name="reason"/>.</summary>
    public static DrillEvidence NotRun(IDrillTarget target, DrillKind kind, string reason, DrillLog log)
    {
        var recorder = new DrillRecorder(kind, target, Fault.None, log);
        recorder.NotRun(reason);
        var evidence = recorder.Finish();
        log.DrillFinished(evidence);
        return evidence;
    }

    /// <summary>Runs one drill on a running target and returns its evidence; exceptions (other than cancellation) become the failure reason.</summary>
    public static async Task<DrillEvidence> RunOneAsync(IDrillTarget target, DrillKind kind, Fault fault, DrillLog log, CancellationToken cancellationToken, DrillApplication? application = null)
    {
        var recorder = new DrillRecorder(kind, target, fault, log);
        log.DrillStarted(kind, fault);
        try
        {
            await Create(kind).RunAsync(new DrillContext(target, fault, log, application), recorder, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            recorder.Fail(e.Message.Split('\n')[0]);
        }

        var evidence = recorder.Finish();
        log.DrillFinished(evidence);
        return evidence;
    }
}
