using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>The observed RTO of each database over its last runs: one line per database, newest run on the right.</summary>
internal static class RtoTrendChart
{
    /// <summary>The panel's height.</summary>
    public const double Height = 320;

    /// <summary>The panel's model of <paramref name="entries"/>' RTO trends (oldest first; a shorter trend ends on the newest run).</summary>
    public static PlotModel Model(IReadOnlyList<FleetEntry> entries)
    {
        var runs = Math.Max(1, entries.Select(e => e.RtoTrend.Count).DefaultIfEmpty(0).Max());
        var model = Models.New("RTO over the last runs", $"observed restore RTO per database, last {(runs == 1 ? "run" : $"{runs} runs")} (up to {FleetEntry.TrendRuns})");
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendBorderThickness = 0, LegendPadding = 20 });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom, Title = "run (oldest to newest)", Minimum = 0.5, Maximum = runs + 0.5, MajorStep = 1, MinorStep = 1,
            FormatAsFractions = false, StringFormat = "0",
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left, Title = "seconds", Minimum = 0,
            Maximum = Math.Max(1, entries.SelectMany(e => e.RtoTrend).DefaultIfEmpty(1).Max()) * 1.15,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0xdd, 0xdd, 0xdd),
        });
        foreach (var entry in entries)
        {
            var line = new LineSeries { Title = entry.Application, StrokeThickness = 2, MarkerType = MarkerType.Circle, MarkerSize = 3 };
            var offset = runs - entry.RtoTrend.Count;
            for (var i = 0; i < entry.RtoTrend.Count; i++)
            {
                line.Points.Add(new DataPoint(offset + i + 1, entry.RtoTrend[i]));
            }

            model.Series.Add(line);
        }

        return model;
    }
}
