using System.Globalization;
using OxyPlot;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>Plot models as the fleet chart's panels share them: invariant culture, one font, white background.</summary>
internal static class Models
{
    /// <summary>
    /// The font the SVG names. OxyPlot measures any family it does not know as Helvetica (its built-in metrics), and
    /// Arial and Helvetica share their widths, so the layout matches what a browser draws.
    /// </summary>
    public const string Font = "Arial, Helvetica, sans-serif";

    /// <summary>An empty model titled <paramref name="title"/>.</summary>
    public static PlotModel New(string title, string subtitle) => new()
    {
        Title = title, Subtitle = subtitle, TitleFontSize = 14, SubtitleFontSize = 11, DefaultFont = Font, DefaultFontSize = 11,
        Culture = CultureInfo.InvariantCulture, Background = OxyColors.White, PlotAreaBorderThickness = new OxyThickness(0, 0, 0, 1),

        // Room for a renderer whose fallback font is wider than the Helvetica metrics OxyPlot lays out with.
        Padding = new OxyThickness(36, 12, 36, 12),
    };
}
