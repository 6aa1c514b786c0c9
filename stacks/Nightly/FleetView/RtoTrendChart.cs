using System.Globalization;
using System.Net;
using System.Text;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>
/// The RTO of each database over its last runs as a small SVG line chart. Written by hand rather than with a plotting
/// library (ScottPlot, OxyPlot): those render through SkiaSharp's native library and system fonts, so their output is
/// neither byte-for-byte deterministic nor free of native dependencies, and a dozen polylines need neither.
/// </summary>
public static class RtoTrendChart
{
    private const int Width = 640;
    private const int Height = 320;
    private const int Left = 60;
    private const int Right = 150;
    private const int Top = 20;
    private const int Bottom = 40;
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>The chart of <paramref name="series"/> (database, RTO in seconds per run oldest first); run index on x, seconds on y.</summary>
    public static string Render(IReadOnlyList<(string Application, IReadOnlyList<double> RtoSeconds)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var runs = Math.Max(2, series.Count == 0 ? 2 : series.Max(s => s.RtoSeconds.Count));
        var max = Math.Max(1, series.SelectMany(s => s.RtoSeconds).DefaultIfEmpty(1).Max());
        var top = NiceCeiling(max);
        double X(int i) => Left + (Width - Left - Right) * i / (double)(runs - 1);
        double Y(double v) => Top + (Height - Top - Bottom) * (1 - (v / top));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("<title>RTO over the last runs</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        for (var tick = 0; tick <= 4; tick++)
        {
            var value = top * tick / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{N(Y(value) + 4)}\" text-anchor=\"end\">{N(value)} s</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Width - Right + Left) / 2}\" y=\"{Height - 10}\" text-anchor=\"middle\">run (oldest to newest, last {runs})</text>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var (application, values) = series[s];
            var colour = Palette[s % Palette.Length];
            var offset = runs - values.Count;
            if (values.Count > 0)
            {
                var points = string.Join(' ', values.Select((v, i) => $"{N(X(offset + i))},{N(Y(v))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points}\"/>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 8}\" y=\"{Top + 14 * (s + 1)}\" fill=\"{colour}\">{WebUtility.HtmlEncode(application)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(c => c >= value);
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
