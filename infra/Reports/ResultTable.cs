using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PgPlatform.Infra.Reports;

/// <summary>
/// What <c>drill</c> and <c>nightly</c> print at the end: per database and drill, the outcome, duration, RTO and RPO
/// where measured, and the reason. Rendered as aligned plain text (logs, redirected output) or a Spectre table (a terminal).
/// </summary>
public sealed class ResultTable
{
    private ResultTable(IReadOnlyList<ResultRow> rows, bool showsDatabase)
    {
        Rows = rows;
        ShowsDatabase = showsDatabase;
    }

    /// <summary>The rows, in run order.</summary>
    public IReadOnlyList<ResultRow> Rows { get; }

    /// <summary>True when the table has a database column (a fleet); a single run's table starts with the drill.</summary>
    public bool ShowsDatabase { get; }

    /// <summary>The table of one run (one database): one row per drill.</summary>
    public static ResultTable Of(RunEvidence run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ResultTable([.. run.Drills.Select(d => ResultRow.Of(null, d))], showsDatabase: false);
    }

    /// <summary>
    /// The table of a night: one row per database and drill, a database whose drills never ran as one failed row with
    /// why, and a teardown that failed as a row of its own.
    /// </summary>
    public static ResultTable Of(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<ResultRow>();
        foreach (var app in report.Applications)
        {
            rows.AddRange(app.Run?.Drills.Select(d => ResultRow.Of(app.Application, d)) ?? []);
            if (app.Run?.TeardownError is { } teardown)
            {
                rows.Add(new ResultRow(app.Application, "teardown", null, null, "-", "-", teardown));
            }
            else if (app.Error is { } error)
            {
                rows.Add(new ResultRow(app.Application, "-", null, app.DurationSeconds > 0 ? app.DurationSeconds : null, "-", "-", error));
            }
        }

        return new ResultTable(rows, showsDatabase: true);
    }

    /// <summary>Writes the table as aligned columns, a header line first; the reason, last, is never padded.</summary>
    public void WritePlain(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var lines = new List<string[]> { Header() };
        lines.AddRange(Rows.Select(Cells));
        var widths = Enumerable.Range(0, lines[0].Length - 1).Select(i => lines.Max(l => l[i].Length)).ToList();
        foreach (var line in lines)
        {
            var padded = line.Take(widths.Count).Select((cell, i) => cell.PadRight(widths[i]));
            writer.WriteLine(string.Join("  ", padded.Append(line[^1])).TrimEnd());
        }
    }

    /// <summary>The table as Spectre renders it: outcomes coloured, long reasons wrapped in their column.</summary>
    public IRenderable ToRenderable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("results");
        foreach (var header in Header())
        {
            table.AddColumn(new TableColumn(header));
        }

        foreach (var row in Rows)
        {
            var cells = Cells(row).Select(c => (IRenderable)new Text(c)).ToArray();
            cells[ShowsDatabase ? 2 : 1] = new Text(row.Result, OutcomeStyle(row.Outcome));
            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>How an outcome is coloured on a terminal (nothing under <c>NO_COLOR</c>: the console drops colours).</summary>
    public static Style OutcomeStyle(DrillOutcome? outcome) => outcome switch
    {
        DrillOutcome.Passed => new Style(Color.Green),
        DrillOutcome.NotApplicable => new Style(Color.Blue),
        _ => new Style(Color.Red, decoration: Decoration.Bold),
    };

    private string[] Header() => ShowsDatabase
        ? ["database", "drill", "result", "time", "RTO", "RPO", "reason"]
        : ["drill", "result", "time", "RTO", "RPO", "reason"];

    private string[] Cells(ResultRow row) => ShowsDatabase
        ? [row.Database ?? "-", row.Drill, row.Result, row.Duration, row.Rto, row.Rpo, row.Reason]
        : [row.Drill, row.Result, row.Duration, row.Rto, row.Rpo, row.Reason];
}
