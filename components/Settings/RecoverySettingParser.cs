using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Settings;

/// <summary>
/// Reads <c>pg-platform:databases[i].recoverFrom</c>. Like every structured value it may be the mapping
/// itself (a stack file, <c>pulumi config set --path</c>) or a string holding its JSON.
/// </summary>
public static partial class RecoverySettingParser
{
    private static readonly string[] Fields = ["stack", "backupId", "targetTime"];

    private const string Example = "recoverFrom: {stack: prod, targetTime: 2026-11-22T18:00:00Z}";

    /// <summary>
    /// How far ahead of this machine's clock a target may lie: drills pick targets from the database's clock, which may
    /// run slightly ahead. Further ahead, recovery could only fail: PostgreSQL stops with "recovery ended before configured
    /// recovery target was reached" when the archived WAL ends before the target (postgres/postgres
    /// src/backend/access/transam/xlogrecovery.c).
    /// </summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Parses the recovery of entry <paramref name="path"/> (<c>pg-platform:databases[0]</c>) of stack
    /// <paramref name="stack"/>, read from <paramref name="source"/>; null when <paramref name="node"/> is absent.
    /// A <c>targetTime</c> more than <see cref="MaxClockSkew"/> after <paramref name="now"/> is refused.
    /// </summary>
    public static RecoverySelection? Parse(JsonNode? node, string stack, string path, string source, DateTimeOffset now)
    {
        if (node is null)
        {
            return null;
        }

        var where = $"'{path}.recoverFrom' in {source}";
        var entry = SettingMapping.Read(node, where, Fields, Example);
        string? Str(string field) => SettingMapping.Text(entry, field);
        var from = Str("stack") ?? throw new SettingsException($"{where} names no stack. Fix: name the stack whose backups are restored, e.g. '{Example}'");
        if (!Dns1123.IsLabel(from, StackSettingsParser.MaxStackNameLength))
        {
            throw new SettingsException($"{where}: stack '{from}' is not a stack name (a DNS-1123 label of at most {StackSettingsParser.MaxStackNameLength} characters). Fix: name an existing stack, e.g. 'prod' or 'drill-1a2b3c'");
        }

        if (from == stack)
        {
            throw new SettingsException($"{where}: stack '{stack}' cannot recover from its own backups (it would archive into the archive it restores). Fix: name another stack");
        }

        var backupId = Str("backupId");
        if (backupId is not null && !RecoveryBootstrap.IsBackupId(backupId))
        {
            throw new SettingsException($"{where}: backupId '{backupId}' is not a Barman backup id. Fix: use the id the backup reports, e.g. 'backupId: 20261122T030000', or leave it out for the latest");
        }

        return new RecoverySelection { Stack = from, BackupId = backupId, TargetTime = Str("targetTime") is { } time ? TargetTime(time, where, now) : null };
    }

    private static DateTimeOffset TargetTime(string text, string where, DateTimeOffset now)
    {
        if (!Rfc3339Pattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            throw new SettingsException($"{where}: targetTime '{text}' is not an RFC 3339 timestamp. Fix: write it in UTC, e.g. 'targetTime: 2026-11-22T18:00:00Z'");
        }

        if (time.Offset != TimeSpan.Zero)
        {
            throw new SettingsException($"{where}: targetTime '{text}' is not in UTC. Fix: convert it to UTC and end it with 'Z', e.g. 'targetTime: {Utc(time)}'");
        }

        if (time > now + MaxClockSkew)
        {
            throw new SettingsException($"{where}: targetTime '{text}' is in the future (it is now {Utc(now)}): no archived WAL reaches it yet, so recovery would fail. Fix: choose a time in the past, or leave targetTime out to recover to the end of the archived WAL");
        }

        return time;
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();
}
