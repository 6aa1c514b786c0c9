using OxyPlot;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>
/// The fleet report's picture (<c>fleet-rto.svg</c>), drawn with OxyPlot (see <see cref="SvgPanels"/> for why its output is
/// deterministic): per database, the last restore's RTO (observed, and projected to the declared storage) and RPO against
/// the tier's budgets, then the RTO trend over the last runs.
/// </summary>
public static class FleetChart
{
    /// <summary>The chart's width.</summary>
    public const double Width = 760;

    /// <summary>Id of the RTO-against-budget panel.</summary>
    public const string RtoPanel = "rto-budget";

    /// <summary>Id of the RPO-against-budget panel.</summary>
    public const string RpoPanel = "rpo-budget";

    /// <summary>Id of the RTO trend panel.</summary>
    public const string TrendPanel = "rto-trend";

    /// <summary>Legend of the observed RTO bars.</summary>
    public const string ObservedRto = "observed RTO";

    /// <summary>Legend of the projected RTO bars.</summary>
    public const string ProjectedRto = "projected RTO";

    /// <summary>Legend of the observed RPO bars.</summary>
    public const string ObservedRpo = "observed RPO";

    /// <summary>The chart of <paramref name="entries"/>, in their order.</summary>
    public static string Render(IReadOnlyList<FleetEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rto = BudgetPanel.Model(
            "RTO against the tier budget", "last restore per database; projected: at the declared storage size, what the budget judges", entries,
            [
                new BudgetPanel.Bars(ObservedRto, OxyColor.FromRgb(0x1f, 0x77, 0xb4), e => e.LastRtoSeconds),
                new BudgetPanel.Bars(ProjectedRto, OxyColor.FromRgb(0xff, 0x7f, 0x0e), e => e.LastProjectedRtoSeconds),
            ],
            e => e.RtoBudgetSeconds);
        var rpo = BudgetPanel.Model(
            "RPO against the tier budget", "last restore per database: committed work it lost, in time", entries,
            [new BudgetPanel.Bars(ObservedRpo, OxyColor.FromRgb(0x2c, 0xa0, 0x2c), e => e.LastRpoSeconds)],
            e => e.RpoBudgetSeconds);
        return SvgPanels.Compose(
            "Fleet recovery: RTO and RPO against the tier budget, RTO trend", Width,
            [(RtoPanel, rto, BudgetPanel.Height(entries.Count)), (RpoPanel, rpo, BudgetPanel.Height(entries.Count)), (TrendPanel, RtoTrendChart.Model(entries), RtoTrendChart.Height)]);
    }
}
