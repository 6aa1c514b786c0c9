using System.Text.RegularExpressions;
using System.Xml.Linq;
using PgPlatform.Stacks.Nightly;
using PgPlatform.Stacks.Nightly.FleetView;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>The fleet chart as OxyPlot draws it, read back as XML: structure, not pixels.</summary>
public sealed partial class FleetChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // The chart's colours (FleetChart, BudgetPanel) as OxyPlot writes them in style attributes.
    private const string Observed = "fill:rgb(31,119,180)";
    private const string Projected = "fill:rgb(255,127,14)";
    private const string Rpo = "fill:rgb(44,160,44)";
    private const string BudgetStroke = "stroke:rgb(214,39,40)";

    private static readonly IReadOnlyList<FleetEntry> Fleet = FleetViewSamples.Report().Fleet;

    [Fact]
    public void TheRtoPanelHasObservedAndProjectedBarsAndABudgetMarkerPerDatabase()
    {
        var panel = Panel(FleetChart.Render(Fleet), FleetChart.RtoPanel);
        var texts = Texts(panel);

        Assert.Contains("RTO against the tier budget", texts);
        Assert.All(Fleet, f => Assert.Contains(f.Application, texts));
        // Bars: linkding and wikijs measured, gitea never; one more swatch of each colour in the legend.
        Assert.Equal(3, Styled(panel, "rect", Observed).Count);
        Assert.Equal(3, Styled(panel, "rect", Projected).Count);
        Assert.Equal(["7.5 s", "9 s", "412 s", "2400 s"], texts.Where(t => t.EndsWith(" s", StringComparison.Ordinal) && !t.StartsWith("budget", StringComparison.Ordinal)));
        // A vertical budget stroke per database (same x top and bottom), in order, plus the legend's line.
        var markers = Styled(panel, "polyline", BudgetStroke).Select(Points).ToList();
        Assert.Equal(4, markers.Count);
        Assert.All(markers.Take(3), m => Assert.Equal(m[0].X, m[1].X));
        Assert.Equal(markers[0][0].X, markers[1][0].X);
        Assert.True(markers[2][0].X > markers[1][0].X, "gitea's development budget (8 h) lies right of production's 30 min");
        Assert.Equal(["budget 1800 s", "budget 1800 s", "budget 28800 s"], texts.Where(t => t.StartsWith("budget", StringComparison.Ordinal)));
        Assert.Contains(FleetEntry.NotMeasured, texts);
        Assert.Contains(FleetChart.ObservedRto, texts);
        Assert.Contains(FleetChart.ProjectedRto, texts);
        Assert.Contains("tier budget", texts);
    }

    [Fact]
    public void TheRpoPanelDrawsMeasuredLossAgainstTheBudgetAndWritesOutWhatALogAxisCannotDraw()
    {
        var panel = Panel(FleetChart.Render(Fleet), FleetChart.RpoPanel);
        var texts = Texts(panel);

        // wikijs lost 400 s (a bar), linkding lost nothing (0 s has no place on a logarithmic axis: said in words).
        Assert.Equal(2, Styled(panel, "rect", Rpo).Count);
        Assert.Contains("400 s", texts);
        Assert.Contains($"{FleetChart.ObservedRpo} 0 s", texts);
        Assert.Equal(["budget 300 s", "budget 300 s", "budget 3600 s"], texts.Where(t => t.StartsWith("budget", StringComparison.Ordinal)));
        Assert.Equal(4, Styled(panel, "polyline", BudgetStroke).Count);
    }

    [Fact]
    public void TheTrendPanelHasALinePerDatabaseEndingOnTheNewestRun()
    {
        var panel = Panel(FleetChart.Render(Fleet), FleetChart.TrendPanel);
        var texts = Texts(panel);

        Assert.Contains("RTO over the last runs", texts);
        Assert.All(Fleet, f => Assert.Contains(f.Application, texts));
        var lines = panel.Descendants(Svg + "polyline").Where(p => ((string?)p.Attribute("style") ?? "").Contains("stroke-width:2", StringComparison.Ordinal)).Select(Points).ToList();
        var linkding = Assert.Single(lines, l => l.Count == 3);
        Assert.True(linkding[0].Y > linkding[1].Y && linkding[1].Y > linkding[2].Y, "5, 6, 7.5 s rise (SVG y grows downwards)");
    }

    [Fact]
    public void TheChartIsOneDocumentByteForByteTheSameOnEveryRenderWithIdsUniqueAndResolved()
    {
        var first = FleetChart.Render(Fleet);
        var second = FleetChart.Render(FleetViewSamples.Report().Fleet);

        Assert.Equal(first, second);
        var root = XDocument.Parse(first).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal([FleetChart.RtoPanel, FleetChart.RpoPanel, FleetChart.TrendPanel], root.Elements(Svg + "svg").Select(p => (string?)p.Attribute("id")));
        var ids = root.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var references = root.Descendants().Attributes().SelectMany(a => UrlReference().Matches(a.Value).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Fact]
    public void AnEmptyFleetStillDrawsThreePanels()
    {
        var root = XDocument.Parse(FleetChart.Render([])).Root!;

        Assert.Equal(3, root.Elements(Svg + "svg").Count());
    }

    [Fact]
    public void WriteLinksTheChartFromTheMarkdownAndWritesItBeside()
    {
        var dir = Directory.CreateTempSubdirectory("fleet-chart-").FullName;
        try
        {
            var (markdown, _, _) = FleetReportWriter.Write(FleetViewSamples.Report(), dir);

            Assert.Contains($"]({FleetReportWriter.ChartFile})", File.ReadAllText(markdown), StringComparison.Ordinal);
            Assert.Equal(FleetChart.Render(FleetViewSamples.Report().Fleet), File.ReadAllText(Path.Combine(dir, FleetReportWriter.ChartFile)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static XElement Panel(string svg, string id) =>
        XDocument.Parse(svg).Root!.Elements(Svg + "svg").Single(p => (string?)p.Attribute("id") == id);

    private static List<string> Texts(XElement panel) => [.. panel.Descendants(Svg + "text").Select(t => t.Value)];

    private static List<XElement> Styled(XElement panel, string element, string style) =>
        [.. panel.Descendants(Svg + element).Where(e => ((string?)e.Attribute("style") ?? "").Contains(style, StringComparison.Ordinal))];

    private static List<(double X, double Y)> Points(XElement polyline) =>
        [.. ((string)polyline.Attribute("points")!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(',')).Select(p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
