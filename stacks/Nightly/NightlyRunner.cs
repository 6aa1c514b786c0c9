using PgPlatform.Components.Contract;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// The nightly run: for each database a stack declares, in order, the drill suite on its own ephemeral stack.
/// One application's failure (a stack that would not declare or deploy, a target that never became Ready, a
/// failed drill) is recorded and the night goes on; a missing <c>pulumi</c> CLI or cancellation stops it.
/// </summary>
public sealed class NightlyRunner(EphemeralDrillRun drills)
{
    /// <summary>
    /// Drills every database of <paramref name="stack"/> (<c>Pulumi.&lt;stack&gt;.yaml</c> in <paramref name="projectDirectory"/>,
    /// declared against the run's catalog). A stack the compiler would refuse throws (<see cref="SettingsException"/>,
    /// <see cref="DeclarationException"/>, <see cref="ContractViolationException"/>) before any drill.
    /// </summary>
    public async Task<FleetReport> RunAsync(string projectDirectory, string stack, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var baseStack = DeclaredStack.Load(projectDirectory, stack, drills.Catalog);
        var runs = new List<ApplicationRun>();
        foreach (var application in baseStack.Databases.Select(d => d.Application))
        {
            log.Write("nightly", $"{application}: {string.Join(", ", suite.Select(DrillNames.Name))} on an ephemeral stack");
            try
            {
                var run = await drills.RunAsync(baseStack, projectDirectory, application, "nightly", suite, log, cancellationToken);
                runs.Add(new ApplicationRun(application, run, null));
            }
            catch (Exception e) when (e is TargetUnavailableException or PulumiCommandException or StackTeardownException or DeclarationException or ContractViolationException or FormatException or ArgumentException)
            {
                log.Write("nightly", $"{application}: FAILED: {e.Message}");
                runs.Add(new ApplicationRun(application, null, e.Message));
            }

            log.Write("nightly", $"{application}: {(runs[^1].Passed ? "passed" : "FAILED")}");
        }

        return new FleetReport { Stack = stack, StartedAt = startedAt, Applications = runs };
    }
}
