using System.Globalization;
using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Drills;

/// <summary>What the alerts drill saw of one fault: when it was injected, when its alert fired in Prometheus, when the receiver got it.</summary>
public sealed class AlertObservation(AlertFault fault, DateTimeOffset injectedAt, string? pod, TimeSpan declaredFor, TimeSpan margin)
{
    /// <summary>The fault.</summary>
    public AlertFault Fault => fault;

    /// <summary>When the fault was injected (its injection finished).</summary>
    public DateTimeOffset InjectedAt => injectedAt;

    /// <summary>The declared <c>for</c> of the alert.</summary>
    public TimeSpan DeclaredFor => declaredFor;

    /// <summary>Latest acceptable delivery: injection + declared <c>for</c> + the monitoring's delivery margin.</summary>
    public DateTimeOffset Deadline => injectedAt + declaredFor + margin;

    /// <summary>First time Prometheus' alerts API showed the alert firing.</summary>
    public DateTimeOffset? FiringAt { get; private set; }

    /// <summary>When the receiver got the firing alert.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The delivered alert's summary.</summary>
    public string? Summary { get; private set; }

    /// <summary>The alert's state in Prometheus at the last poll (none, pending, firing).</summary>
    public string LastState { get; private set; } = "none";

    /// <summary>True once delivered.</summary>
    public bool Delivered => DeliveredAt is not null;

    /// <summary>Updates from one poll of Prometheus and the receiver.</summary>
    public void Observe(IReadOnlyList<ActiveAlert> active, IReadOnlyList<AlertDelivery> deliveries, DateTimeOffset now)
    {
        var mine = active.Where(Matches).ToList();
        LastState = mine.Any(a => a.Firing) ? "firing" : mine.Count > 0 ? "pending" : "none";
        if (FiringAt is null && LastState == "firing")
        {
            FiringAt = now;
        }

        if (DeliveredAt is null && deliveries.FirstOrDefault(d => d.Status == "firing" && d.ReceivedAt >= injectedAt && Matches(d.Name, d.Labels)) is { } delivery)
        {
            DeliveredAt = delivery.ReceivedAt;
            Summary = delivery.Summary;
            // A poll can miss a short firing state before the delivery; the delivery proves it fired by then.
            FiringAt ??= delivery.ReceivedAt;
        }
    }

    /// <summary>The evidence line: injected, firing, delivered, time to alert, bound.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"injected {Time(InjectedAt)}, firing {Time(FiringAt)}, delivered {Time(DeliveredAt)}, time to alert {(DeliveredAt is { } d ? $"{(d - InjectedAt).TotalSeconds:F1} s" : "never")} (bound {(Deadline - InjectedAt).TotalSeconds:F0} s = declared for {PrometheusDuration.Format(DeclaredFor)} + {(Deadline - InjectedAt - DeclaredFor).TotalSeconds:F0} s for scrape, evaluation, group_wait and the fault taking effect)");

    private bool Matches(ActiveAlert alert) => Matches(alert.Name, alert.Labels);

    private bool Matches(string name, IReadOnlyDictionary<string, string> labels) =>
        name == fault.Alert && (pod is null || labels.GetValueOrDefault("pod") == pod);

    private static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("HH:mm:ss.f'Z'", CultureInfo.InvariantCulture) : "never";
}
