using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// The nightly run: for each application of a stack, in order, the drill suite on its own ephemeral stack.
/// One application's failure (a stack that would not deploy, a target that never became Ready, a failed
/// drill) is recorded and the night goes on; a missing <c>pulumi</c> CLI or cancellation stops it.
/// </summary>
public sealed class NightlyRunner(EphemeralDrillRun drills)
{
    /// <summary>Drills every application of <paramref name="stack"/> (read from <c>Pulumi.&lt;stack&gt;.yaml</c> in <paramref name="projectDirectory"/>).</summary>
    public async Task<FleetReport> RunAsync(string projectDirectory, string stack, IReadOnlyList<DrillKind> suite, DrillLog log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var baseStack = StackFile.Read(projectDirectory, stack);
        var runs = new List<ApplicationRun>();
        foreach (var application in baseStack.Applications)
        {
            log.Write("nightly", $"{application}: {string.Join(", ", suite.Select(DrillNames.Name))} on an ephemeral stack");
            try
            {
                var run = await drills.RunAsync(baseStack, projectDirectory, application, "nightly", suite, log, cancellationToken);
                runs.Add(new ApplicationRun(application, run, null));
            }
            catch (Exception e) when (e is TargetUnavailableException or PulumiCommandException or StackTeardownException or FormatException or KeyNotFoundException or ArgumentException)
            {
                log.Write("nightly", $"{application}: FAILED: {e.Message}");
                runs.Add(new ApplicationRun(application, null, e.Message));
            }

            log.Write("nightly", $"{application}: {(runs[^1].Passed ? "passed" : "FAILED")}");
        }

        return new FleetReport { Stack = stack, StartedAt = startedAt, Applications = runs };
    }
}
