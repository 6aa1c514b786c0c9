namespace PgPlatform.Stacks.Targets.ObjectStore;

/// <summary>
/// barman's <c>backup.info</c>: one <c>key=value</c> line per field (Python's <c>None</c> for no value), as
/// barman-cloud-backup and CNPG's Barman Cloud plugin upload it next to each base backup.
/// </summary>
public static class BackupInfoFile
{
    /// <summary>The status of a backup that finished and can be restored.</summary>
    public const string Done = "DONE";

    /// <summary>Every field of <paramref name="text"/>; a value of <c>None</c> is null, the last of repeated keys wins.</summary>
    public static IReadOnlyDictionary<string, string?> Fields(string text)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var value = line[(separator + 1)..].TrimEnd('\r');
            fields[line[..separator].Trim()] = value == "None" ? null : value;
        }

        return fields;
    }

    /// <summary>
    /// The backup <paramref name="backupId"/> described by <paramref name="text"/>, or null when its status is
    /// not <see cref="Done"/> (running, failed, waiting for WAL). Throws <see cref="FormatException"/> when a
    /// finished backup lacks its WAL range or end time.
    /// </summary>
    public static BackupInfo? Parse(string backupId, string text)
    {
        var fields = Fields(text);
        if (fields.GetValueOrDefault("status") != Done)
        {
            return null;
        }

        string Required(string key) => fields.GetValueOrDefault(key) is { Length: > 0 } value
            ? value
            : throw new FormatException($"backup.info of {backupId} has status {Done} but no {key}");

        return new BackupInfo(backupId, Required("begin_wal"), Required("end_wal"), BarmanTime.Parse(Required("end_time")));
    }
}
