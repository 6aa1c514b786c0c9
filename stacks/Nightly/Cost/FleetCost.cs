using System.Globalization;
using System.Text;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.Cost;

/// <summary>
/// What a stack's databases hold, per tier and per team, from what they declare: instances, requests, data and WAL
/// volumes, backups kept in the recovery window, and the drill-hours the nightly spends keeping their evidence fresh
/// (each database drilled once per <see cref="SchedulerOptions.DueFraction"/> of its objective, for its expected duration).
/// </summary>
public static class FleetCost
{
    /// <summary>The lines of <paramref name="stack"/>: one per tier, then one per team, each sorted by name.</summary>
    public static IReadOnlyList<CostLine> Of(DeclaredStack stack, IReadOnlyList<DatabaseStanding> standings, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(options);
        var schedules = stack.Model.KubernetesObjects.Select(o => o.Object).OfType<ScheduledBackup>()
            .ToDictionary(b => (b.Metadata.NamespaceProperty, b.Spec.Cluster.Name), b => b.Spec.Schedule);
        var rows = stack.Databases.Select(db =>
        {
            var resources = DatabaseResources.Of(db);
            var schedule = schedules.GetValueOrDefault((db.Namespace, db.ClusterName)) ?? db.Tier.BackupSchedule;
            var backups = resources.RetentionDays * BackupsPerDay(schedule) + 1;
            var expected = standings.FirstOrDefault(s => s.Database.Application == db.Application)?.ExpectedDuration ?? options.DefaultDrillDuration;
            var drillHours = expected.TotalHours * 7 / (db.Tier.EvidenceObjective.TotalDays * options.DueFraction);
            return (Tier: db.Tier.Name, resources.Team, Line: new CostLine("", "", 1, resources.TotalCpuCores, resources.TotalMemoryGiB, resources.TotalDiskGiB, backups * resources.DataGiB, drillHours));
        }).ToList();
        CostLine Sum(string group, string name, IEnumerable<CostLine> lines) => lines.Aggregate(new CostLine(group, name, 0, 0, 0, 0, 0, 0), (a, b) =>
            a with { Databases = a.Databases + 1, CpuCores = a.CpuCores + b.CpuCores, MemoryGiB = a.MemoryGiB + b.MemoryGiB, DiskGiB = a.DiskGiB + b.DiskGiB, BackupGiB = a.BackupGiB + b.BackupGiB, DrillHoursPerWeek = a.DrillHoursPerWeek + b.DrillHoursPerWeek });
        return
        [
            .. rows.GroupBy(r => r.Tier).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum("tier", g.Key, g.Select(r => r.Line))),
            .. rows.GroupBy(r => r.Team).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum("team", g.Key, g.Select(r => r.Line))),
        ];
    }

    /// <summary>Base backups a six-field cron (seconds first) takes a day: every hour when the hour field is <c>*</c>, else once.</summary>
    public static int BackupsPerDay(string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 && fields[2] == "*" ? 24 : 1;
    }

    /// <summary>The lines as a Markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<CostLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var md = new StringBuilder("| group | name | databases | CPU (cores) | memory (GiB) | disk (GiB) | backup storage (GiB, upper bound) | drill-hours/week |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var l in lines)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {l.Group} | {l.Name} | {l.Databases} | {l.CpuCores:0.##} | {l.MemoryGiB:0.##} | {l.DiskGiB:0.##} | {l.BackupGiB:0.##} | {l.DrillHoursPerWeek:0.##} |\n");
        }

        return md.ToString();
    }
}
