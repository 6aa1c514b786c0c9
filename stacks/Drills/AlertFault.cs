using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// One fault of the alerts drill and the declared alert that must reach the receiver because of it. Faults of the
/// same <see cref="Stage"/> are injected together and awaited together; a later stage starts on a healthy cluster.
/// </summary>
/// <param name="Name">The fault's name in evidence (<c>primary-killed</c>, ...).</param>
/// <param name="Alert">The alert (a rule of the stack's PrometheusRules) that must be delivered.</param>
/// <param name="Stage">Faults of one stage run at the same time (the long <c>for</c> durations overlap).</param>
/// <param name="Inject">Injects the fault; returns the pod the alert must name, or null when the alert aggregates pods away.</param>
public sealed record AlertFault(string Name, string Alert, int Stage, Func<AlertFaultContext, CancellationToken, Task<string?>> Inject);
