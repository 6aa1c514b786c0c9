namespace PgPlatform.Stacks.Targets;

/// <summary>An alert Prometheus evaluates as pending or firing.</summary>
/// <param name="Name">The alert name.</param>
/// <param name="State"><c>pending</c> or <c>firing</c>.</param>
/// <param name="Labels">Its labels (pod, namespace, severity, ...).</param>
/// <param name="ActiveAt">When its condition started to hold (Prometheus' <c>activeAt</c>).</param>
public sealed record ActiveAlert(string Name, string State, IReadOnlyDictionary<string, string> Labels, DateTimeOffset ActiveAt)
{
    /// <summary>True when the alert fires (its <c>for</c> has elapsed).</summary>
    public bool Firing => State == "firing";
}
