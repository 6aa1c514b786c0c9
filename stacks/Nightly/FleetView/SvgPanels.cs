using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using OxyPlot;

namespace PgPlatform.Stacks.Nightly.FleetView;

/// <summary>
/// Stacks OxyPlot plot models into one SVG document, one panel under the other. OxyPlot.Core's <see cref="SvgExporter"/>
/// is managed code: without a text measurer it measures with the metrics of the standard PDF fonts built into the library
/// (<c>PdfRenderContext</c>, <c>StandardFonts</c>), so no native library or system font is involved and the output is
/// the same on every machine (oxyplot/oxyplot, Source/OxyPlot/Svg/SvgExporter.cs and Source/OxyPlot/Pdf/PortableDocument.cs:
/// a font family it does not know is measured as Helvetica). Each exporter numbers its clip paths from 1, so the ids of
/// every panel are prefixed to keep them unique in the document.
/// </summary>
internal static class SvgPanels
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>One SVG of <paramref name="width"/>, titled <paramref name="title"/>, with each panel (id, model, height) in order.</summary>
    public static string Compose(string title, double width, IReadOnlyList<(string Id, PlotModel Model, double Height)> panels)
    {
        var height = panels.Sum(p => p.Height);
        var root = new XElement(Svg + "svg",
            new XAttribute("width", Number(width)), new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XElement(Svg + "title", title));
        var top = 0.0;
        foreach (var (id, model, panelHeight) in panels)
        {
            // The workaround places text by its measured height instead of dominant-baseline, which not every renderer honours.
            var exporter = new SvgExporter { Width = width, Height = panelHeight, IsDocument = false, UseVerticalTextAlignmentWorkaround = true };
            var panel = XElement.Parse(exporter.ExportToString(model));
            Prefix(panel, id);
            panel.SetAttributeValue("id", id);
            panel.SetAttributeValue("x", "0");
            panel.SetAttributeValue("y", Number(top));
            root.Add(panel);
            top += panelHeight;
        }

        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true, Encoding = new UTF8Encoding(false) };
        using (var writer = XmlWriter.Create(text, settings))
        {
            root.Save(writer);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>Prefixes every id in <paramref name="panel"/> and every <c>url(#id)</c> reference to one with <paramref name="prefix"/>.</summary>
    private static void Prefix(XElement panel, string prefix)
    {
        var ids = panel.DescendantsAndSelf().Select(e => e.Attribute("id")).OfType<XAttribute>().ToList();
        foreach (var id in ids)
        {
            var renamed = $"{prefix}-{id.Value}";
            foreach (var reference in panel.DescendantsAndSelf().Attributes().Where(a => a.Value.Contains($"url(#{id.Value})", StringComparison.Ordinal)))
            {
                reference.Value = reference.Value.Replace($"url(#{id.Value})", $"url(#{renamed})", StringComparison.Ordinal);
            }

            id.Value = renamed;
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
