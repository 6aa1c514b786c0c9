using System.Globalization;
using System.Text;

namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>The <c>nightly --plan</c> simulation: a fleet grown from a stack's databases, and what the scheduler would make of it.</summary>
public static class FleetPlan
{
    /// <summary>
    /// <paramref name="size"/> databases cloned round-robin from <paramref name="templates"/> (<c>&lt;app&gt;-0001</c>, ...), each
    /// with its template's tier, team and drill footprint; the templates themselves when <paramref name="size"/> is null.
    /// </summary>
    public static IReadOnlyList<FleetDatabase> Grow(IReadOnlyList<FleetDatabase> templates, int? size)
    {
        ArgumentNullException.ThrowIfNull(templates);
        if (size is not { } n)
        {
            return templates;
        }

        if (templates.Count == 0 || n < 1)
        {
            throw new ArgumentException($"--fleet-size {n} needs at least one declared database and a size of at least 1");
        }

        return [.. Enumerable.Range(1, n).Select(i => templates[(i - 1) % templates.Count] with { Application = $"{templates[(i - 1) % templates.Count].Application}-{i:D4}" })];
    }

    /// <summary>Nights worth simulating: twice the longest objective, so every database is due at least twice.</summary>
    public static int Nights(IReadOnlyList<FleetDatabase> fleet) =>
        fleet.Count == 0 ? 1 : (int)Math.Ceiling(fleet.Max(d => d.Objective).TotalDays * 2);

    /// <summary>The report <c>--plan</c> prints.</summary>
    public static string Render(SimulationResult result, IReadOnlyList<FleetDatabase> fleet, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"plan: {fleet.Count} database(s), concurrency {options.Concurrency}, window {options.Window.TotalHours:0.##} h, {result.Nights} night(s) simulated\n");
        foreach (var tier in fleet.GroupBy(d => d.Tier.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {tier.Key}: {tier.Count()} database(s), objective {tier.First().Objective.TotalDays:0.#} d\n");
        }

        text.Append(result.NightsToFullCoverage is { } nights
            ? string.Create(CultureInfo.InvariantCulture, $"full coverage after night {nights}\n")
            : "full coverage NOT reached\n");
        text.Append(CultureInfo.InvariantCulture, $"drills: {result.Drills}, {result.DrillHoursPerWeek:F1} drill-hours/week\n");
        text.Append(CultureInfo.InvariantCulture, $"peak: {result.PeakConcurrency} drill(s) at once, {result.PeakFootprint.CpuCores:0.##} CPU, {result.PeakFootprint.MemoryGiB:0.##} GiB memory, {result.PeakFootprint.DiskGiB:0.##} GiB disk\n");
        text.Append(CultureInfo.InvariantCulture, $"breaches: {result.Breaches.Count} database(s) would outlive their objective\n");
        foreach (var (database, night) in result.Breaches.Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {database.Stack}/{database.Application} ({database.Tier.Name}, {database.Objective.TotalDays:0.#} d) from night {night}\n");
        }

        if (result.Breaches.Count > 20)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ... and {result.Breaches.Count - 20} more\n");
        }

        return text.ToString();
    }
}
