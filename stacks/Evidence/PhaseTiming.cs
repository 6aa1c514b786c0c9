namespace PgPlatform.Stacks.Evidence;

/// <summary>How long one phase took.</summary>
/// <param name="Phase">The phase (<c>target start</c>, <c>base backup</c>, <c>restore: recovery</c>).</param>
/// <param name="Seconds">Its duration in seconds.</param>
public sealed record PhaseTiming(string Phase, double Seconds);
