using System.Globalization;
using PgPlatform.Stacks.Postgres;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Alerts end to end: the target's monitoring (Prometheus with the stack's own rules, Alertmanager, a receiver)
/// watches the cluster while faults are injected; each fault's alert must reach the receiver within its declared
/// <c>for</c> plus the monitoring's delivery margin. Evidence per fault: injected, firing (Prometheus' alerts API),
/// delivered (the receiver), time to alert. Broken delivery (Alertmanager down) fails the drill saying so.
/// </summary>
public sealed class AlertDrill(IReadOnlyList<AlertFault> faults) : IDrill
{
    /// <summary>How often the drill polls Prometheus and the receiver.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>The drill with every fault of <see cref="AlertFaults.All"/>.</summary>
    public AlertDrill()
        : this(AlertFaults.All)
    {
    }

    /// <inheritdoc />
    public DrillKind Kind => DrillKind.Alerts;

    /// <inheritdoc />
    public async Task RunAsync(DrillContext context, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var target = context.Target as IAlertTarget
            ?? throw new NotSupportedException($"the alerts drill is not applicable to the {context.Target.Name} target: it runs the stack's rules in a Prometheus it starts itself, which only the local target does");
        var rules = target.AlertRules ?? throw new InvalidOperationException("no alert rules are deployed with the target: run the alerts drill through drill --target local --drill alerts, which loads the stack's PrometheusRules");
        await using var monitoring = await recorder.PhaseAsync("start monitoring", () => target.StartMonitoringAsync(cancellationToken));
        recorder.Measure("monitoring", monitoring.Description);
        recorder.Measure("rules", $"stack {rules.Stack}, cluster {rules.Cluster} in namespace {rules.Namespace}: {rules.Rules.Count} alerts, expressions and for durations as declared");
        try
        {
            if (await monitoring.DeliveryProblemAsync(cancellationToken) is { } broken)
            {
                recorder.Fail($"alert delivery is broken: {broken}");
                return;
            }

            // The plugin's metrics start from a successful backup, as a scheduled one leaves them.
            if (faults.Any(f => f == AlertFaults.BackupFailing) && !await recorder.PhaseAsync("first scheduled backup", () => monitoring.RunScheduledBackupAsync(cancellationToken)))
            {
                recorder.Fail("the first scheduled backup failed: the backup alerts would fire for that, not for the fault");
                return;
            }

            foreach (var stage in faults.GroupBy(f => f.Stage).OrderBy(g => g.Key))
            {
                if (!await RunStageAsync(target, monitoring, rules, [.. stage], recorder, cancellationToken))
                {
                    return;
                }
            }
        }
        finally
        {
            target.UseWrongObjectStoreCredentials = false;
            await target.SetObjectStoreAvailableAsync(true, CancellationToken.None);
        }
    }

    private static async Task<bool> RunStageAsync(IAlertTarget target, IAlertMonitoring monitoring, AlertRules rules, IReadOnlyList<AlertFault> stage, DrillRecorder recorder, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", stage.Select(f => f.Name));
        try
        {
            await recorder.PhaseAsync($"healthy before {names}", () => Waiting.UntilAsync("one primary streaming to every other member, and none of the stage's alerts active", TimeSpan.FromSeconds(120), async ct =>
                await HealthyAsync(target, ct) && !(await monitoring.ActiveAlertsAsync(ct)).Any(a => stage.Any(f => f.Alert == a.Name)), cancellationToken, TimeSpan.FromSeconds(1)));
        }
        catch (TimeoutException e)
        {
            var active = (await monitoring.ActiveAlertsAsync(cancellationToken)).Where(a => stage.Any(f => f.Alert == a.Name)).Select(a => $"{a.Name} {a.State}");
            recorder.Fail($"not healthy before {names} ({e.Message}; active: {string.Join(", ", active.DefaultIfEmpty("none"))}): an alert seen now would prove nothing");
            return false;
        }

        var writable = await MemberProbe.WritableAsync(target.Members, cancellationToken);
        var primary = target.Members.Single(m => m.Name == writable[0]);
        var faultContext = new AlertFaultContext(target, monitoring, primary, [.. target.Members.Where(m => m != primary)], line => recorder.Log(line));
        var observations = new List<AlertObservation>();
        foreach (var fault in stage)
        {
            var pod = await fault.Inject(faultContext, cancellationToken);
            observations.Add(new AlertObservation(fault, DateTimeOffset.UtcNow, pod, rules.For(fault.Alert), monitoring.DeliveryMargin));
        }

        var deadline = observations.Max(o => o.Deadline);
        recorder.Log($"waiting for {string.Join(", ", observations.Select(o => $"{o.Fault.Alert} (for {PrometheusDuration.Format(o.DeclaredFor)})"))}, at most until {deadline.UtcDateTime:HH:mm:ss}Z");
        var lastProgress = DateTimeOffset.UtcNow;
        string? broken = null;
        while (broken is null && observations.Any(o => !o.Delivered && DateTimeOffset.UtcNow <= o.Deadline))
        {
            await Task.Delay(Poll, cancellationToken);
            var now = DateTimeOffset.UtcNow;
            IReadOnlyList<ActiveAlert> active;
            try
            {
                active = await monitoring.ActiveAlertsAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                recorder.Fail($"Prometheus stopped answering: {e.Message}");
                return false;
            }

            foreach (var observation in observations.Where(o => !o.Delivered))
            {
                var wasFiring = observation.FiringAt is not null;
                observation.Observe(active, monitoring.Deliveries, now);
                if (!wasFiring && observation.FiringAt is not null)
                {
                    recorder.Log($"{observation.Fault.Alert} firing");
                }

                if (observation.Delivered)
                {
                    recorder.Log($"{observation.Fault.Alert} delivered: {observation.Summary}");
                }
            }

            // Nothing restarts a dead Alertmanager: once delivery is broken, no alert still awaited can arrive.
            if (observations.Any(o => !o.Delivered))
            {
                broken = await monitoring.DeliveryProblemAsync(cancellationToken);
            }

            if (now - lastProgress > TimeSpan.FromMinutes(1))
            {
                lastProgress = now;
                recorder.Log($"still waiting: {string.Join(", ", observations.Where(o => !o.Delivered).Select(o => $"{o.Fault.Alert} {o.LastState}"))}");
            }
        }

        var problem = broken ?? await monitoring.DeliveryProblemAsync(cancellationToken);
        foreach (var observation in observations)
        {
            recorder.Measure($"{observation.Fault.Name}: {observation.Fault.Alert}", observation.Describe());
            if (observation.Delivered)
            {
                recorder.Pass(string.Create(CultureInfo.InvariantCulture, $"{observation.Fault.Alert} delivered {(observation.DeliveredAt!.Value - observation.InjectedAt).TotalSeconds:F1} s after {observation.Fault.Name}"));
            }
            else if (broken is not null)
            {
                recorder.Fail($"alert delivery is broken: {broken}; {observation.Fault.Alert} (state {observation.LastState} in Prometheus) cannot reach the receiver after {observation.Fault.Name}");
            }
            else if (observation.FiringAt is { } firing)
            {
                recorder.Fail($"{observation.Fault.Alert} fired at {firing.UtcDateTime:HH:mm:ss}Z after {observation.Fault.Name} but was not delivered within its bound: alert delivery is broken ({problem ?? "Alertmanager answers but never notified the receiver"})");
            }
            else
            {
                recorder.Fail($"{observation.Fault.Alert} did not fire within its bound after {observation.Fault.Name} (state {observation.LastState}){(problem is null ? "" : $"; also, alert delivery is broken: {problem}")}");
            }
        }

        return !recorder.HasFailed;
    }

    /// <summary>One writable member, every other member streaming from it.</summary>
    private static async Task<bool> HealthyAsync(IAlertTarget target, CancellationToken cancellationToken)
    {
        var writable = await MemberProbe.WritableAsync(target.Members, cancellationToken);
        return writable.Count == 1
            && await Sql.TryScalarAsync<long>(target.Members.Single(m => m.Name == writable[0]).ConnectionString, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'", cancellationToken) == target.Members.Count - 1;
    }
}
