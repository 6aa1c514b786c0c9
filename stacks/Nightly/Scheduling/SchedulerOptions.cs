namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>How a nightly run is bounded.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Default of <see cref="Concurrency"/>.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>Drills running at once (ephemeral stacks standing at once). Default 4; the embedded target runs 1.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>How long the night lasts: nothing starts that would not finish inside it, and whatever runs at its end is stopped. Default 6 h.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Expected duration of a database never measured. Default 45 min: a Kubernetes drill stands up a three-instance
    /// cluster, fails it over, restores into a further stack and tears both down.
    /// </summary>
    public TimeSpan DefaultDrillDuration { get; init; } = TimeSpan.FromMinutes(45);

    /// <summary>
    /// Fraction of its objective after which passing evidence is due again. Default 0.5: a database is re-drilled in the
    /// second half of its objective, so a drill that fails there leaves half the objective to fix and prove it again,
    /// and databases drilled the same night spread over the following nights instead of all coming due together.
    /// </summary>
    public double DueFraction { get; init; } = 0.5;

    /// <summary>How many of a database's latest measured durations its expectation takes the largest of. Default 3.</summary>
    public int DurationSamples { get; init; } = 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad bound.</summary>
    public void Validate()
    {
        if (Concurrency < 1)
        {
            throw new ArgumentException($"concurrency must be at least 1 (got {Concurrency})");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"the window must be longer than zero (got {Window})");
        }

        if (DefaultDrillDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"the default drill duration must be longer than zero (got {DefaultDrillDuration})");
        }

        if (DueFraction is <= 0 or > 1)
        {
            throw new ArgumentException($"the due fraction must be in (0, 1] (got {DueFraction})");
        }
    }
}
