namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>What nights of scheduling over a fleet would do.</summary>
/// <param name="Nights">Nights simulated.</param>
/// <param name="NightsToFullCoverage">The first night after which every database had passing evidence; null when coverage was never reached.</param>
/// <param name="Breaches">Databases whose evidence outlived their objective (never proven past one objective from the start counts), with the first night it did.</param>
/// <param name="PeakFootprint">The most cluster resources drills held at one moment.</param>
/// <param name="PeakConcurrency">The most drills running at one moment.</param>
/// <param name="Drills">Drills run in all.</param>
/// <param name="DrillHours">Drill-hours run in all.</param>
public sealed record SimulationResult(int Nights, int? NightsToFullCoverage, IReadOnlyList<(FleetDatabase Database, int FirstNight)> Breaches, DrillFootprint PeakFootprint, int PeakConcurrency, int Drills, double DrillHours)
{
    /// <summary>Drill-hours per week over the simulated nights.</summary>
    public double DrillHoursPerWeek => Nights == 0 ? 0 : DrillHours * 7 / Nights;
}
