using PgPlatform.Components.Tiers;
using PgPlatform.Components.Validation;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP005: ScheduledBackup schedules are CNPG's six-field cron, seconds first.</summary>
public sealed class BackupScheduleRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP005";

    /// <inheritdoc />
    public override string Title => "ScheduledBackup schedules have 6 fields, seconds first, each in range";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"has(object.spec.schedule) && object.spec.schedule.matches({CelText.Quote(CronPattern.Schedule)})",
        "PGP005: spec.schedule must have 6 fields with seconds first, each in range (second 0-59, minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT); '0 3 * * *' means minute 3 of every hour, write '0 0 3 * * *' for daily at 03:00",
        [AdmissionResource.ScheduledBackup]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ScheduledBackupKind))
        {
            yield break;
        }

        var schedule = JsonPath.String(manifest.Element, "spec.schedule");
        var problem = schedule is null ? "no schedule" : CnpgSchedule.Explain(schedule);
        if (problem is not null)
        {
            yield return Violation(manifest, "spec.schedule", problem, "write a 6-field schedule with seconds first, e.g. '0 0 3 * * *' for daily at 03:00");
        }
    }
}
