using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Nightly;

/// <summary>
/// The fleet report as Prometheus text exposition for node_exporter's textfile collector: per application and
/// drill, the last success (unix seconds), this run's result, RTO and RPO; per declared database, its evidence's last
/// pass, age and objective, its latest projected RTO and its tier's RTO and RPO budgets. A drill that failed tonight
/// keeps the last success recorded in the previous file, so an alert on its age fires.
/// </summary>
public static partial class PrometheusTextfile
{
    /// <summary>Unix time of the last successful run of each drill.</summary>
    public const string LastSuccess = "pg_platform_drill_last_success_timestamp_seconds";

    /// <summary>1 when the drill passed in the last run, 0 when it failed.</summary>
    public const string Success = "pg_platform_drill_success";

    /// <summary>Observed recovery time.</summary>
    public const string Rto = "pg_platform_drill_rto_seconds";

    /// <summary>Observed recovery point.</summary>
    public const string Rpo = "pg_platform_drill_rpo_seconds";

    /// <summary>Unix time of each database's latest passing evidence (0 when never proven): its age is <c>time()</c> minus this.</summary>
    public const string EvidenceLastPass = "pg_platform_drill_evidence_last_pass_timestamp_seconds";

    /// <summary>Age of each database's passing evidence when the report was written (+Inf when never proven).</summary>
    public const string EvidenceAge = "pg_platform_drill_evidence_age_seconds";

    /// <summary>Each database's evidence freshness objective (its tier's).</summary>
    public const string EvidenceObjective = "pg_platform_drill_evidence_objective_seconds";

    /// <summary>Each database's RTO budget (its tier's), next to <see cref="ProjectedRto"/> with the same labels.</summary>
    public const string RtoBudget = "pg_platform_drill_rto_budget_seconds";

    /// <summary>Each database's RPO budget (its tier's).</summary>
    public const string RpoBudget = "pg_platform_drill_rpo_budget_seconds";

    /// <summary>
    /// Each database's latest restore RTO projected to its declared storage size (what <see cref="RtoBudget"/> judges);
    /// no sample for a database whose latest measured restore made no projection.
    /// </summary>
    public const string ProjectedRto = "pg_platform_drill_projected_rto_seconds";

    /// <summary>Unix time the nightly last ran for the stack.</summary>
    public const string NightlyLastRun = "pg_platform_nightly_last_run_timestamp_seconds";

    /// <summary>The metrics of <paramref name="report"/>, with <paramref name="previous"/> last successes carried forward.</summary>
    public static string Render(FleetReport report, IReadOnlyDictionary<(string App, string Drill), double> previous)
    {
        var drills = FleetReportWriter.Drills(report).ToList();
        var lastSuccess = new SortedDictionary<(string App, string Drill), double>(previous.ToDictionary(p => p.Key, p => p.Value));
        foreach (var (app, drill) in drills.Where(d => d.Drill.Passed))
        {
            lastSuccess[(app, drill.Drill)] = (drill.StartedAt + TimeSpan.FromSeconds(drill.DurationSeconds)).ToUnixTimeMilliseconds() / 1000.0;
        }

        var text = new StringBuilder();
        Family(text, LastSuccess, "Unix time the drill last passed.", lastSuccess.Select(p => (p.Key.App, p.Key.Drill, p.Value)));
        Family(text, Success, "1 if the drill passed in the last nightly run, 0 if it failed.", drills.Where(d => d.Drill.NotApplicableReason is null).Select(d => (d.App, d.Drill.Drill, d.Drill.Passed ? 1.0 : 0.0)));
        Family(text, Rto, "Observed recovery time of the last run, in seconds.", drills.Where(d => d.Drill.RtoSeconds is not null).Select(d => (d.App, d.Drill.Drill, d.Drill.RtoSeconds!.Value)));
        Family(text, Rpo, "Observed recovery point of the last run, in seconds.", drills.Where(d => d.Drill.RpoSeconds is not null).Select(d => (d.App, d.Drill.Drill, d.Drill.RpoSeconds!.Value)));
        Standings(text, report);
        return text.ToString();
    }

    private static void Standings(StringBuilder text, FleetReport report)
    {
        // A report without a fleet view (a hand-made one, a stack declaring nothing) has no standing to export.
        var standings = report.Standings.OrderBy(s => s.Database.Application, StringComparer.Ordinal).ToList();
        if (standings.Count == 0)
        {
            return;
        }

        void Database(string name, string help, Func<Scheduling.DatabaseStanding, string?> value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
            foreach (var s in standings)
            {
                if (value(s) is { } sample)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{app=\"{Escape(s.Database.Application)}\",tier=\"{Escape(s.Database.Tier.Name)}\"}} {sample}\n");
                }
            }
        }

        static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        Database(EvidenceLastPass, "Unix time of the latest passing drill evidence, 0 when never proven.", s => Number(s.LastPass is { } p ? p.FinishedAt.ToUnixTimeMilliseconds() / 1000.0 : 0));
        Database(EvidenceAge, "Age of the latest passing drill evidence when the nightly wrote this file, +Inf when never proven.", s => s.Age(report.EvaluatedAt) is { } age ? Number(age.TotalSeconds) : "+Inf");
        Database(EvidenceObjective, "The tier's evidence freshness objective, in seconds.", s => Number(s.Database.Objective.TotalSeconds));
        var fleet = report.Fleet.ToDictionary(f => f.Application, StringComparer.Ordinal);
        Database(ProjectedRto, "RTO of the latest measured restore projected to the declared storage size, in seconds.", s => fleet[s.Database.Application].LastProjectedRtoSeconds is { } projected ? Number(projected) : null);
        Database(RtoBudget, "The tier's RTO budget for a restore at the declared storage size, in seconds.", s => Number(fleet[s.Database.Application].RtoBudgetSeconds));
        Database(RpoBudget, "The tier's RPO budget for a restore, in seconds.", s => Number(fleet[s.Database.Application].RpoBudgetSeconds));
        text.Append(CultureInfo.InvariantCulture, $"# HELP {NightlyLastRun} Unix time the nightly last ran.\n# TYPE {NightlyLastRun} gauge\n{NightlyLastRun}{{stack=\"{Escape(report.Stack)}\"}} {Number(report.StartedAt.ToUnixTimeMilliseconds() / 1000.0)}\n");
    }

    /// <summary>The last-success samples of a previously written file.</summary>
    public static Dictionary<(string App, string Drill), double> LastSuccesses(string text)
    {
        var samples = new Dictionary<(string, string), double>();
        foreach (Match match in LastSuccessSample().Matches(text))
        {
            if (double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[(Unescape(match.Groups["app"].Value), Unescape(match.Groups["drill"].Value))] = value;
            }
        }

        return samples;
    }

    private static void Family(StringBuilder text, string name, string help, IEnumerable<(string App, string Drill, double Value)> samples)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n");
        foreach (var (app, drill, value) in samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{app=\"{Escape(app)}\",drill=\"{Escape(drill)}\"}} {value.ToString("0.###", CultureInfo.InvariantCulture)}\n");
        }
    }

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string label) => label.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^pg_platform_drill_last_success_timestamp_seconds\{app="(?<app>(?:[^"\\]|\\.)*)",drill="(?<drill>(?:[^"\\]|\\.)*)"\} (?<value>\S+)$""", RegexOptions.Multiline)]
    private static partial Regex LastSuccessSample();
}
