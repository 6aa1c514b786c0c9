using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>
/// A panel of horizontal bars, one group per database (first database on top), against a budget marker per database:
/// a red vertical stroke at its tier's budget across its group, labelled with the budget.
/// </summary>
internal static class BudgetPanel
{
    /// <summary>Colour of the budget markers.</summary>
    public static readonly OxyColor BudgetColour = OxyColor.FromRgb(0xd6, 0x27, 0x28);

    /// <summary>Title of the budget markers' legend entry.</summary>
    public const string BudgetTitle = "tier budget";

    /// <summary>Height of one database's group of bars.</summary>
    public const double RowHeight = 56;

    /// <summary>Height of the title, axis and legend around the groups.</summary>
    public const double FrameHeight = 110;

    /// <summary>A bar series: its legend title, colour and value per database (null: not measured, no bar).</summary>
    public sealed record Bars(string Title, OxyColor Colour, Func<FleetEntry, double?> Value);

    /// <summary>The panel of <paramref name="entries"/>: <paramref name="bars"/> per database against <paramref name="budget"/>.</summary>
    public static PlotModel Model(string title, string subtitle, IReadOnlyList<FleetEntry> entries, IReadOnlyList<Bars> bars, Func<FleetEntry, double> budget)
    {
        var model = Models.New(title, subtitle);
        model.Legends.Add(new Legend { LegendPlacement = LegendPlacement.Outside, LegendPosition = LegendPosition.RightTop, LegendOrientation = LegendOrientation.Vertical, LegendBorderThickness = 0, LegendPadding = 20 });
        model.Axes.Add(new CategoryAxis
        {
            Key = "databases", Position = AxisPosition.Left, ItemsSource = entries.Select(e => e.Application).ToList(),
            StartPosition = 1, EndPosition = 0, GapWidth = 0.3,
        });
        // Logarithmic: a restore of seconds and a budget of half an hour or hours both stay readable, and the distance to the
        // budget reads as orders of magnitude. Zero (nothing lost) has no place on it: it is written out instead of drawn.
        var values = entries.SelectMany(e => bars.Select(b => b.Value(e)).OfType<double>().Append(budget(e))).Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var floor = Math.Min(0.1, Math.Pow(10, Math.Floor(Math.Log10(values.Min()))));
        model.Axes.Add(new LogarithmicAxis
        {
            Key = "seconds", Position = AxisPosition.Bottom, Title = "seconds (logarithmic)", Minimum = floor, Maximum = values.Max() * 4,
            MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.FromRgb(0xdd, 0xdd, 0xdd), StringFormat = "0.###",
        });

        foreach (var b in bars)
        {
            var series = new BarSeries
            {
                Title = b.Title, FillColor = b.Colour, StrokeThickness = 0, LabelFormatString = "{0:0.##} s", LabelPlacement = LabelPlacement.Outside,
                XAxisKey = "seconds", YAxisKey = "databases",
            };
            for (var i = 0; i < entries.Count; i++)
            {
                if (b.Value(entries[i]) is { } value and > 0)
                {
                    series.Items.Add(new BarItem(value, i));
                }
            }

            model.Series.Add(series);
        }

        // One series for every budget marker (one legend entry); a NaN point breaks the line between databases.
        var markers = new LineSeries { Title = BudgetTitle, Color = BudgetColour, StrokeThickness = 3, XAxisKey = "seconds", YAxisKey = "databases" };
        for (var i = 0; i < entries.Count; i++)
        {
            var limit = budget(entries[i]);
            markers.Points.Add(new DataPoint(limit, i - 0.42));
            markers.Points.Add(new DataPoint(limit, i + 0.42));
            markers.Points.Add(DataPoint.Undefined);
            if (Unplotted(entries[i], bars) is { } note)
            {
                model.Annotations.Add(Note(note, new DataPoint(floor, i), HorizontalAlignment.Left, OxyColors.DimGray));
            }

            model.Annotations.Add(new TextAnnotation
            {
                Text = string.Create(CultureInfo.InvariantCulture, $"budget {limit:0} s"), TextPosition = new DataPoint(limit, i - 0.42),
                TextHorizontalAlignment = HorizontalAlignment.Right, TextVerticalAlignment = VerticalAlignment.Top,
                Stroke = OxyColors.Transparent, TextColor = BudgetColour, FontSize = 10, XAxisKey = "seconds", YAxisKey = "databases",
            });
        }

        model.Series.Add(markers);
        return model;
    }

    /// <summary>What a database's row says in words for values with no bar: <c>not measured</c>, or <c>observed RPO 0 s</c>; null when every value has a bar.</summary>
    private static string? Unplotted(FleetEntry entry, IReadOnlyList<Bars> bars)
    {
        var values = bars.Select(b => (b.Title, Value: b.Value(entry))).ToList();
        if (values.All(v => v.Value is null))
        {
            return FleetEntry.NotMeasured;
        }

        var zero = values.Where(v => v.Value is <= 0).Select(v => $"{v.Title} 0 s").ToList();
        return zero.Count > 0 ? string.Join(", ", zero) : null;
    }

    private static TextAnnotation Note(string text, DataPoint at, HorizontalAlignment alignment, OxyColor colour) => new()
    {
        Text = text, TextPosition = at, TextHorizontalAlignment = alignment, TextVerticalAlignment = VerticalAlignment.Middle,
        Stroke = OxyColors.Transparent, TextColor = colour, FontSize = 10, XAxisKey = "seconds", YAxisKey = "databases",
    };

    /// <summary>The panel's height for <paramref name="databases"/> databases.</summary>
    public static double Height(int databases) => FrameHeight + (RowHeight * Math.Max(1, databases));
}
