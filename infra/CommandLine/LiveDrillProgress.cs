using System.Globalization;
using PgPlatform.Infra.Reports;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Evidence;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// The terminal's view of a run: one row per database x drill (pending, running with its elapsed time and latest line,
/// passed, FAILED, not applicable, NOT RUN) and the last few progress lines below. Events may arrive from several
/// tasks; <see cref="Render"/> draws the state as it stands.
/// </summary>
public sealed class LiveDrillProgress(TimeProvider time) : IDrillProgress
{
    /// <summary>How many of the latest progress lines the view shows under the table.</summary>
    public const int LogLines = 6;

    /// <summary>Longest detail or log line shown, in characters; longer ones end in an ellipsis, so the view stays a few lines tall.</summary>
    public const int MaxLineLength = 160;

    private readonly Lock _gate = new();
    private readonly List<LiveDrillRow> _rows = [];
    private readonly Queue<string> _lines = new();
    private readonly long _startedAt = time.GetTimestamp();

    /// <summary>The rows as they stand, in the order they appeared.</summary>
    public IReadOnlyList<LiveDrillRow> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows];
            }
        }
    }

    /// <inheritdoc/>
    public void Report(DrillProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            Apply(progress);
            if (progress.Message is { } message)
            {
                var seconds = time.GetElapsedTime(_startedAt).TotalSeconds;
                _lines.Enqueue(string.Create(CultureInfo.InvariantCulture, $"[{seconds,6:F1} s] {progress.Speaker}: {message}"));
                while (_lines.Count > LogLines)
                {
                    _lines.Dequeue();
                }
            }
        }
    }

    /// <summary>The table and the latest lines, as they stand now.</summary>
    public IRenderable Render()
    {
        lock (_gate)
        {
            // The short columns never wrap; the detail takes the rest of the width and wraps within it.
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn("database").NoWrap());
            table.AddColumn(new TableColumn("drill").NoWrap());
            table.AddColumn(new TableColumn("state").NoWrap());
            table.AddColumn(new TableColumn("time").RightAligned().NoWrap());
            table.AddColumn(new TableColumn("detail"));
            foreach (var row in _rows)
            {
                var (state, style) = State(row);
                var seconds = row.DurationSeconds ?? (row.StartedAt is { } started ? time.GetElapsedTime(started).TotalSeconds : null);
                table.AddRow(
                    new Text(row.Database),
                    new Text(row.Drill),
                    new Text(state, style),
                    new Text(seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:F0} s") : ""),
                    new Text(Shorten(row.Detail)) { Overflow = Overflow.Ellipsis });
            }

            var lines = _lines.Select(l => (IRenderable)new Text(Shorten(l), new Style(decoration: Decoration.Dim)) { Overflow = Overflow.Ellipsis });
            return new Rows([table, .. lines]);
        }
    }

    private static string Shorten(string line) => line.Length <= MaxLineLength ? line : string.Concat(line.AsSpan(0, MaxLineLength - 1), "…");

    private static (string State, Style Style) State(LiveDrillRow row) => row switch
    {
        { Outcome: { } outcome } => (EvidenceWriter.Result(outcome), ResultTable.OutcomeStyle(outcome)),
        { Running: true } => ("running", new Style(Color.Yellow)),
        _ => ("pending", new Style(decoration: Decoration.Dim)),
    };

    private void Apply(DrillProgressEvent progress)
    {
        var database = progress.Database ?? "-";
        switch (progress.Kind)
        {
            case DrillProgressKind.Planned:
                foreach (var drill in progress.Drills)
                {
                    Row(database, drill);
                }

                break;
            case DrillProgressKind.DrillStarted when progress.Drill is { } drill:
                var started = Row(database, drill);
                (started.StartedAt, started.Outcome, started.DurationSeconds, started.Detail) = (time.GetTimestamp(), null, null, "");
                break;
            case DrillProgressKind.DrillFinished when progress.Drill is { } drill:
                var finished = Row(database, drill);
                (finished.Outcome, finished.DurationSeconds, finished.Detail) = (progress.Outcome, progress.DurationSeconds, progress.Reason ?? "");
                break;
            case DrillProgressKind.DatabaseFinished:
                // Drills still pending or running when their database's turn ended never ran to an end (the target did not start, say).
                foreach (var row in _rows.Where(r => r.Database == database && (r.Pending || r.Running)))
                {
                    (row.Outcome, row.Detail) = (DrillOutcome.NotRun, progress.Reason ?? "the database's turn ended first");
                }

                break;
            case DrillProgressKind.Message when progress.Message is { } message && _rows.FirstOrDefault(r => r.Database == database && r.Drill == progress.Scope && r.Running) is { } running:
                running.Detail = message;
                break;
            default:
                break;
        }
    }

    private LiveDrillRow Row(string database, string drill)
    {
        if (_rows.FirstOrDefault(r => r.Database == database && r.Drill == drill) is { } row)
        {
            return row;
        }

        row = new LiveDrillRow(database, drill);
        _rows.Add(row);
        return row;
    }
}
