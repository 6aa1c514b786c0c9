using System.Globalization;

namespace PgPlatform.Components.Settings;

/// <summary>
/// The inverse of <see cref="StackSettingsParser"/>: the <c>pulumi config set</c> calls that give a stack exactly
/// <see cref="StackSettings"/>, so a stack derived in code (a drill's ephemeral stack) is read back by the compiler
/// as the same settings. Scalars are plain keys; every field of <c>pg-platform:databases</c> is a <c>--path</c>
/// entry, because that is how Pulumi builds a list of maps one value at a time.
/// </summary>
public static class StackConfigWriter
{
    /// <summary>The calls, in <see cref="SettingKeys.All"/> order; settings that are unset (null) are left out.</summary>
    public static IReadOnlyList<StackConfigEntry> ToConfig(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new List<StackConfigEntry>();
        void Add(SettingKey key, string? value)
        {
            if (value is not null)
            {
                config.Add(new StackConfigEntry(key.Key, value, IsPath: false));
            }
        }

        Add(SettingKeys.Tier, settings.Tier.Name);
        Add(SettingKeys.KubeContext, settings.KubeContext);
        Add(SettingKeys.AzureLocation, settings.AzureLocation);
        Add(SettingKeys.SubscriptionId, settings.SubscriptionId);
        Add(SettingKeys.TenantId, settings.TenantId);
        Add(SettingKeys.OidcIssuerUrl, settings.OidcIssuerUrl);
        Add(SettingKeys.ResourceGroup, settings.ResourceGroup);
        Add(SettingKeys.KeyVaultName, settings.KeyVaultName);
        Add(SettingKeys.BackupStorageAccount, settings.BackupStorageAccount);
        Add(SettingKeys.StorageClass, settings.StorageClass);
        Add(SettingKeys.Replication, settings.Replication?.Name);
        Add(SettingKeys.Delivery, settings.Delivery is { } delivery ? StackSettingsParser.DeliveryNames[delivery] : null);
        Add(SettingKeys.DeliverySubject, settings.DeliverySubject);
        Add(SettingKeys.GitOpsRepoUrl, settings.GitOpsRepoUrl);
        Add(SettingKeys.GitOpsRevision, settings.GitOpsRevision);
        config.Add(new StackConfigEntry($"{SettingKeys.Monitoring.Key}.mode", settings.Monitoring.Mode.ToString().ToLowerInvariant(), IsPath: true));
        config.Add(new StackConfigEntry($"{SettingKeys.Monitoring.Key}.release", settings.Monitoring.Release, IsPath: true));
        config.Add(new StackConfigEntry($"{SettingKeys.Monitoring.Key}.namespace", settings.Monitoring.Namespace, IsPath: true));
        if (settings.Nightly.Concurrency is { } concurrency)
        {
            config.Add(new StackConfigEntry($"{SettingKeys.Nightly.Key}.concurrency", concurrency.ToString(CultureInfo.InvariantCulture), IsPath: true));
        }

        if (settings.Nightly.Window is { } window)
        {
            config.Add(new StackConfigEntry($"{SettingKeys.Nightly.Key}.window", window, IsPath: true));
        }
        if (settings.Databases.Count == 0)
        {
            // --path cannot set an empty list; the parser reads a structured value given as its JSON text alike.
            Add(SettingKeys.Databases, "[]");
        }

        for (var i = 0; i < settings.Databases.Count; i++)
        {
            config.AddRange(Database($"{SettingKeys.Databases.Key}[{i}]", settings.Databases[i]));
        }

        return config;
    }

    /// <summary><paramref name="time"/> in UTC as the parser reads <c>recoverFrom.targetTime</c>: RFC 3339 with <c>Z</c>, fractions only when there are any.</summary>
    public static string TargetTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<StackConfigEntry> Database(string path, DatabaseSelection database)
    {
        var fields = new (string Field, string? Value)[]
        {
            ("name", database.Name),
            ("instances", Number(database.Instances)),
            ("storageSize", database.StorageSize),
            ("walStorageSize", database.WalStorageSize),
            ("backupSchedule", database.BackupSchedule),
            ("retentionDays", Number(database.RetentionDays)),
            ("recoverFrom.stack", database.RecoverFrom?.Stack),
            ("recoverFrom.backupId", database.RecoverFrom?.BackupId),
            ("recoverFrom.targetTime", database.RecoverFrom?.TargetTime is { } time ? TargetTime(time) : null),
        };
        return fields.Where(f => f.Value is not null).Select(f => new StackConfigEntry($"{path}.{f.Field}", f.Value!, IsPath: true));
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
