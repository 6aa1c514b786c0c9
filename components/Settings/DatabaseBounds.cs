using System.Globalization;
using System.Numerics;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Settings;

/// <summary>
/// A database entry of a stack file against its tier's bounds (<see cref="TierProfile"/>): what CNPG, the storage
/// class or the tier cannot satisfy is refused naming the file and key, before anything is synthesized.
/// </summary>
public static class DatabaseBounds
{
    /// <summary>Why <paramref name="text"/> is not a count: negative, too large, or not a whole number.</summary>
    public static string NotACount(string text) =>
        BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n.Sign < 0 ? "is negative" : $"is too large (at most {int.MaxValue:N0})"
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "is not a whole number" : "is not a number";

    /// <summary><paramref name="selection"/> when it is within <paramref name="tier"/>'s bounds, else a <see cref="SettingsException"/>.</summary>
    public static DatabaseSelection Check(DatabaseSelection selection, TierProfile tier, string where)
    {
        if (selection.Instances is { } instances && (instances < tier.MinInstances || instances > tier.MaxInstances))
        {
            throw new SettingsException($"{where}: instances {instances} is outside the {tier.Name} tier's {tier.MinInstances} to {tier.MaxInstances}. Fix: write 'instances: {tier.DefaultInstances}' or leave it out for the tier's default");
        }

        if (selection.RetentionDays is { } days && (days < tier.MinRetentionDays || days > tier.MaxRetentionDays))
        {
            throw new SettingsException($"{where}: retentionDays {days} is outside the {tier.Name} tier's {tier.MinRetentionDays} to {tier.MaxRetentionDays} days. Fix: write a value in that range, or leave it out for the tier's {tier.RetentionDays}");
        }

        var storage = selection.StorageSize ?? tier.StorageSize;
        var storageBytes = QuantityBytes.Of(storage);
        if (selection.StorageSize is not null && (storageBytes < QuantityBytes.Of(tier.MinStorageSize) || storageBytes > QuantityBytes.Of(tier.MaxStorageSize)))
        {
            throw new SettingsException($"{where}: storageSize '{storage}' is outside the {tier.Name} tier's {tier.MinStorageSize} to {tier.MaxStorageSize}. Fix: write a size in that range, e.g. 'storageSize: {tier.StorageSize}'");
        }

        if (selection.WalStorageSize is { } wal)
        {
            var walBytes = QuantityBytes.Of(wal);
            if (walBytes < QuantityBytes.Of(tier.MinStorageSize))
            {
                throw new SettingsException($"{where}: walStorageSize '{wal}' is smaller than the {tier.Name} tier's minimum volume of {tier.MinStorageSize}. Fix: write at least {tier.MinStorageSize}, or leave it out to keep WAL on the data volume");
            }

            if (walBytes > storageBytes)
            {
                throw new SettingsException($"{where}: walStorageSize '{wal}' is larger than the data volume ('{storage}'), which holds far more than the WAL kept between checkpoints. Fix: make it at most '{storage}', typically a quarter of it");
            }
        }

        if (selection.BackupSchedule is { } schedule && CnpgSchedule.ShortestInterval(schedule) is { } interval && interval < tier.MinBackupInterval)
        {
            throw new SettingsException($"{where}: backupSchedule '{schedule}' takes a base backup every {Describe(interval)}, more often than the {tier.Name} tier's once per {Describe(tier.MinBackupInterval)}. Fix: back up less often, e.g. 'backupSchedule: {tier.BackupSchedule}'");
        }

        return selection;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0} hour(s)" : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0} minute(s)" : $"{span.TotalSeconds:0.###} second(s)";
}
