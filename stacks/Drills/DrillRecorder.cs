using System.Diagnostics;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Collects what a drill observes and turns it into evidence. A drill passes only if it recorded at least
/// one passing check and no failure: success is never assumed, only observed.
/// </summary>
public sealed class DrillRecorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<PhaseTiming> _timings = [];
    private readonly List<Measurement> _measurements = [];
    private readonly List<string> _passes = [];
    private readonly List<string> _failures = [];
    private readonly DrillKind _drill;
    private readonly IDrillTarget _target;
    private readonly Fault _fault;
    private string? _notApplicable;
    private readonly DrillLog _log;
    private string? _notRun;

    /// <summary>Starts recording <paramref name="drill"/> on <paramref name="target"/>.</summary>
    public DrillRecorder(DrillKind drill, IDrillTarget target, Fault fault, DrillLog log)
    {
        _drill = drill;
        _target = target;
        _fault = fault;
        _log = log;
    }

    /// <summary>When recording started.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The base backup used.</summary>
    public string? BackupId { get; set; }

    /// <summary>Where the restore went.</summary>
    public string? RestoreNamespace { get; set; }

    /// <summary>When the restore started.</summary>
    public DateTimeOffset? RestoreStartedAt { get; set; }

    /// <summary>Observed RTO in seconds.</summary>
    public double? RtoSeconds { get; set; }

    /// <summary>RTO projected to the declared storage size, in seconds (see <c>RestoreFigures</c>); null when not projected.</summary>
    public double? ProjectedRtoSeconds { get; set; }

    /// <summary>Observed RPO in rows.</summary>
    public long? RpoRows { get; set; }

    /// <summary>Observed RPO in seconds.</summary>
    public double? RpoSeconds { get; set; }

    /// <summary>Whether application migrations ran on the restored cluster.</summary>
    public string? ApplicationMigration { get; set; }

    /// <summary>True once any failure is recorded.</summary>
    public bool HasFailed => _failures.Count > 0;

    /// <summary>Runs and times one phase, logging its start.</summary>
    public async Task<T> PhaseAsync<T>(string phase, Func<Task<T>> work)
    {
        Log(phase);
        var clock = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            _timings.Add(new PhaseTiming(phase, clock.Elapsed.TotalSeconds));
        }
    }

    /// <summary>Runs and times one phase without a result.</summary>
    public Task PhaseAsync(string phase, Func<Task> work) => PhaseAsync(phase, async () =>
    {
        await work();
        return true;
    });

    /// <summary>Records a measurement and logs it.</summary>
    public void Measure(string name, string value)
    {
        _measurements.Add(new Measurement(name, value));
        Log($"{name}: {value}");
    }

    /// <summary>Records a check: <paramref name="passed"/> when <paramref name="ok"/>, else <paramref name="failed"/>.</summary>
    public bool Check(bool ok, string passed, string failed)
    {
        if (ok)
        {
            _passes.Add(passed);
        }
        else
        {
            Fail(failed);
        }

        return ok;
    }

    /// <summary>Records a check that was observed to pass.</summary>
    public void Pass(string observed) => _passes.Add(observed);

    /// <summary>Records a failure.</summary>
    public void Fail(string reason)
    {
        _failures.Add(reason);
        Log($"FAILED: {reason}");
    }

    /// <summary>Records that the drill does not apply to this cluster, and why: it neither passes nor fails.</summary>
    public void NotApplicable(string reason) => _notApplicable = reason;

    /// <summary>Records that the drill was not run, and why: its evidence says <see cref="DrillOutcome.NotRun"/> whatever else was recorded.</summary>
    public void NotRun(string reason)
    {
        _notRun = reason;
        Log($"NOT RUN: {reason}");
    }

    /// <summary>Writes a progress line for this drill.</summary>
    public void Log(string message) => _log.Write(DrillNames.Name(_drill), message);

    /// <summary>The evidence: passed only with at least one observed pass and no failure (and not marked not run).</summary>
    public DrillEvidence Finish()
    {
        var notApplicable = _notRun is null && _failures.Count == 0 ? _notApplicable : null;
        var passed = _notRun is null && _failures.Count == 0 && _passes.Count > 0 && notApplicable is null;
        var outcome = _notRun is not null ? DrillOutcome.NotRun : notApplicable is not null ? DrillOutcome.NotApplicable : passed ? DrillOutcome.Passed : DrillOutcome.Failed;
        var reason = _notRun
            ?? (notApplicable is not null ? $"{DrillEvidence.NotApplicable}: {notApplicable}"
            : passed ? string.Join("; ", _passes)
            : _failures.Count > 0 ? string.Join("; ", _failures)
            : "nothing was observed to pass");
        return new DrillEvidence
        {
            Drill = DrillNames.Name(_drill),
            Target = _target.Name,
            Fault = DrillNames.Name(_fault),
            Outcome = outcome,
            NotApplicableReason = notApplicable,
            Reason = reason,
            StartedAt = StartedAt,
            DurationSeconds = _clock.Elapsed.TotalSeconds,
            BackupId = BackupId ?? DrillEvidence.NotApplicable,
            RestoreNamespace = RestoreNamespace ?? DrillEvidence.NotApplicable,
            RestoreStartedAt = RestoreStartedAt,
            ApplicationMigration = ApplicationMigration ?? DrillEvidence.NotApplicable,
            RtoSeconds = RtoSeconds,
            ProjectedRtoSeconds = ProjectedRtoSeconds,
            RpoRows = RpoRows,
            RpoSeconds = RpoSeconds,
            OperatorVersion = _target.Facts.OperatorVersion,
            PostgresImage = _target.Facts.PostgresImage,
            StorageClass = _target.Facts.StorageClass,
            Measurements = [.. _measurements],
            Timings = [.. _timings],
        };
    }
}
