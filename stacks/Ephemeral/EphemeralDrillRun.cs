using System.Diagnostics;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Targets;
using PgPlatform.Stacks.Targets.Kubernetes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// Drills for one application on its own ephemeral stack: declare a stack deploying only that database (tier
/// ephemeral, fresh namespace) against <see cref="Catalog"/>, <c>up</c> it, start the target on the database as
/// that declaration names it, run each drill, and destroy the stack whatever happens. Restores go into further
/// ephemeral stacks (<see cref="EphemeralRestores"/>). On a Kubernetes target a failover drill also needs the
/// Cluster to be Ready again with a new primary in bounded time; if it is not, that drill failed. A teardown that
/// fails after the drills ran is recorded in the evidence (which is then a failure) instead of losing it.
/// </summary>
public sealed class EphemeralDrillRun
{
    /// <summary>The organisation's applications, as the compiler declares them (<c>infra/Platform/ApplicationCatalog.cs</c>).</summary>
    public required IReadOnlyList<CatalogEntry> Catalog { get; init; }

    /// <summary>Adjusts the stack's options before it is created (the <c>pulumi</c> path, credentials in the environment, time limits).</summary>
    public Func<EphemeralStackOptions, EphemeralStackOptions> ConfigureStack { get; init; } = options => options;

    /// <summary>Names a fresh stack from its prefix (<c>drill</c>, <c>restore</c>); default <see cref="EphemeralDatabaseStack.NewStackName"/>.</summary>
    public Func<string, string> NewStackName { get; init; } = EphemeralDatabaseStack.NewStackName;

    /// <summary>Starts the target on the deployed database.</summary>
    public required Func<DeployedDatabase, CancellationToken, Task<IDrillTarget>> StartTarget { get; init; }

    /// <summary>The fault every drill injects. Default none.</summary>
    public Fault Fault { get; init; } = Fault.None;

    /// <summary>Runs one drill on a running target; default <see cref="DrillRunner.RunOneAsync"/> with <see cref="Fault"/>.</summary>
    public Func<IDrillTarget, DrillKind, DrillLog, CancellationToken, Task<DrillEvidence>>? RunDrill { get; init; }

    /// <summary>
    /// Runs <paramref name="drills"/> for <paramref name="application"/> of <paramref name="baseStack"/> on a fresh
    /// stack named <c>&lt;<paramref name="stackPrefix"/>&gt;-&lt;hex&gt;</c>. Throws <see cref="DeclarationException"/>
    /// (before any stack exists) when the base stack declares no such database or the ephemeral stack cannot be
    /// declared; a target that cannot start propagates as <see cref="TargetUnavailableException"/> after the stack is destroyed.
    /// </summary>
    public async Task<RunEvidence> RunAsync(DeclaredStack baseStack, string projectDirectory, string application, string stackPrefix, IReadOnlyList<DrillKind> drills, DrillLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseStack);
        // Only a database the base stack declares is drilled; the refusal names the declared ones, before any stack exists.
        _ = baseStack.Database(application);
        log.Planned(drills);
        var startedAt = DateTimeOffset.UtcNow;
        var timings = new List<PhaseTiming>();
        var clock = Stopwatch.StartNew();
        var (stack, deployed) = await DeployAsync(baseStack.Settings, projectDirectory, application, stackPrefix, null, log, cancellationToken);
        var stackName = stack.Name;
        List<DrillEvidence> results;
        try
        {
            timings.Add(new PhaseTiming("stack up", clock.Elapsed.TotalSeconds));
            clock.Restart();
            var restores = new EphemeralRestores(this, baseStack.Settings, projectDirectory, application, stackName, log);
            var target = await StartTarget(deployed with { Restores = restores }, cancellationToken);
            timings.Add(new PhaseTiming("target start", clock.Elapsed.TotalSeconds));
            log.Write("target", $"{target.Name} ready ({target.Facts.OperatorVersion}, {target.Facts.PostgresImage}, {target.Facts.StorageClass})");
            await using (target)
            {
                results = [];
                foreach (var kind in drills)
                {
                    clock.Restart();
                    results.Add(await RunOneAsync(target, kind, log, cancellationToken));
                    timings.Add(new PhaseTiming($"drill {DrillNames.Name(kind)}", clock.Elapsed.TotalSeconds));
                }
            }
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        clock.Restart();
        string? teardownError = null;
        try
        {
            await stack.DestroyAsync();
        }
        catch (StackTeardownException e)
        {
            log.Write($"stack {stackName}", $"teardown FAILED: {e.Message}");
            teardownError = e.Message;
        }

        timings.Add(new PhaseTiming("teardown", clock.Elapsed.TotalSeconds));
        return new RunEvidence { Target = "kubernetes", Fault = DrillNames.Name(Fault), StartedAt = startedAt, Drills = results, Timings = timings, TeardownError = teardownError };
    }

    /// <summary>
    /// Declares the ephemeral stack of <paramref name="application"/> (from <paramref name="baseStack"/>, restored from
    /// <paramref name="recovery"/> when given) and deploys it; the caller owns the returned stack and destroys it.
    /// A declaration that fails throws before any stack exists; a failed deployment is torn down before it propagates.
    /// </summary>
    internal async Task<(EphemeralStack Stack, DeployedDatabase Deployed)> DeployAsync(StackSettings baseStack, string projectDirectory, string application, string stackPrefix, RecoverySelection? recovery, DrillLog log, CancellationToken cancellationToken)
    {
        var name = NewStackName(stackPrefix);
        var settings = EphemeralDatabaseStack.Settings(baseStack, application, name, recovery);
        var declared = DeclaredStack.Declare(settings, Catalog);
        var database = declared.Database(application);
        var options = ConfigureStack(EphemeralDatabaseStack.Options(settings, projectDirectory, line => log.Write($"stack {name}", line)));
        var (stack, outputs) = await EphemeralStack.DeployAsync(options, cancellationToken);
        return (stack, new DeployedDatabase(declared, database, outputs));
    }

    private async Task<DrillEvidence> RunOneAsync(IDrillTarget target, DrillKind kind, DrillLog log, CancellationToken cancellationToken)
    {
        string? noFirstBackup = null;
        if (kind == DrillKind.Backup && target is KubernetesTarget fresh)
        {
            // A fresh stack's ScheduledBackup takes an immediate backup; health is judged once it has finished.
            log.Write(DrillNames.Name(kind), "waiting for the Cluster's first base backup");
            try
            {
                var first = await fresh.WaitForFirstBackupAsync(cancellationToken);
                log.Write(DrillNames.Name(kind), $"last successful base backup {first:O}");
            }
            catch (Exception e) when (e is TimeoutException or ObjectStoreException)
            {
                log.Write(DrillNames.Name(kind), $"FAILED: {e.Message}");
                noFirstBackup = $"no first base backup: {e.Message}";
            }
        }

        var kubernetes = kind == DrillKind.Failover ? target as KubernetesTarget : null;
        var primaryBefore = kubernetes is null ? null : (await kubernetes.ReadClusterAsync(cancellationToken)).CurrentPrimary;
        var evidence = await (RunDrill ?? RunWithFault)(target, kind, log, cancellationToken);
        if (noFirstBackup is not null)
        {
            evidence = evidence with { Outcome = DrillOutcome.Failed, Reason = evidence.Passed ? noFirstBackup : $"{evidence.Reason}; {noFirstBackup}" };
        }

        if (kubernetes is null || primaryBefore is null)
        {
            return evidence;
        }

        try
        {
            var primary = await kubernetes.WaitForFailoverAsync(primaryBefore, cancellationToken);
            log.Write(DrillNames.Name(kind), $"Cluster Ready again with primary {primary}");
            return evidence with { Measurements = [.. evidence.Measurements, new Measurement("Cluster after the kill", $"Ready, current primary {primary} (was {primaryBefore})")] };
        }
        catch (TimeoutException e)
        {
            log.Write(DrillNames.Name(kind), $"FAILED: {e.Message}");
            var reason = $"the Cluster did not recover: {e.Message}";
            return evidence with { Outcome = DrillOutcome.Failed, Reason = evidence.Passed ? reason : $"{evidence.Reason}; {reason}" };
        }
    }

    private Task<DrillEvidence> RunWithFault(IDrillTarget target, DrillKind kind, DrillLog log, CancellationToken cancellationToken) =>
        DrillRunner.RunOneAsync(target, kind, Fault, log, cancellationToken);
}
