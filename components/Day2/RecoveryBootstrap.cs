using System.Globalization;
using System.Text.RegularExpressions;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Model;
using PgPlatform.Components.Validation;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// What a <see cref="DatabaseRecovery"/> adds to a Cluster: <c>bootstrap.recovery</c> from the external
/// cluster <c>origin</c>, read through the Barman Cloud plugin from a second, read-only ObjectStore.
/// </summary>
public static partial class RecoveryBootstrap
{
    /// <summary>Name of the external cluster the recovery reads from.</summary>
    public const string OriginCluster = "origin";

    /// <summary>
    /// Refuses a recovery CNPG or Azure would refuse later, or one that would make the restored cluster
    /// archive into the archive it restores from.
    /// </summary>
    public static void Require(DatabaseRecovery recovery, string app, PlatformEnvironment env, string where)
    {
        Dns1123.RequireLabel(recovery.SourceEnvironment, $"{where}: recovery source environment");
        if (recovery.SourceEnvironment == env.Name)
        {
            throw new DeclarationException(
                $"{where}: recovers from its own environment '{env.Name}', so it would archive into the backups it restores",
                "name another environment as the recovery source");
        }

        Dns1123.RequireLabel(AppDatabase.BackupContainerName(app, recovery.SourceEnvironment), $"{where}: recovery source container");
        if (recovery.BackupId is { } id && !IsBackupId(id))
        {
            throw new DeclarationException(
                $"{where}: recovery backup id '{id}' is not a Barman backup id",
                "use the id the backup reports (letters, digits, '-', '_', '.', ':'), e.g. '20261122T030000', or leave it unset");
        }
    }

    /// <summary>Whether <paramref name="id"/> looks like a Barman backup id (letters, digits, '-', '_', '.', ':').</summary>
    public static bool IsBackupId(string id) => BackupIdPattern().IsMatch(id);

    /// <summary><c>spec.bootstrap</c>: recovery of <paramref name="database"/> owned by <paramref name="owner"/> with the owner's credentials in <paramref name="ownerSecret"/>.</summary>
    public static BootstrapConfiguration Bootstrap(DatabaseRecovery recovery, string database, string owner, string ownerSecret) => new()
    {
        Recovery = new BootstrapRecovery
        {
            Source = OriginCluster,
            Database = database,
            Owner = owner,
            Secret = new LocalObjectReference { Name = ownerSecret },
            RecoveryTarget = recovery.BackupId is null && recovery.TargetTime is null ? null : new RecoveryTarget
            {
                BackupId = recovery.BackupId,
                TargetTime = recovery.TargetTime is { } time ? TargetTime(time) : null,
            },
        },
    };

    /// <summary>
    /// <c>spec.externalClusters</c>: the source, read from the ObjectStore <see cref="DatabaseNames.OriginObjectStore"/>;
    /// its cluster has the same name as the restored one, which is also Barman's server name (the folder of its backups).
    /// </summary>
    public static IList<ExternalCluster> ExternalClusters(DatabaseNames names) =>
    [
        new ExternalCluster
        {
            Name = OriginCluster,
            Plugin = new PluginConfiguration
            {
                Name = BarmanCloudApi.PluginName,
                Parameters = new Dictionary<string, string> { [BarmanCloudApi.ObjectNameParameter] = names.OriginObjectStore, [BarmanCloudApi.ServerNameParameter] = names.Cluster },
            },
        },
    ];

    /// <summary><paramref name="time"/> in UTC as RFC 3339 (<c>2026-11-22T18:41:37Z</c>; fractions only when there are any).</summary>
    public static string TargetTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][-A-Za-z0-9_.:]{0,127}$")]
    private static partial Regex BackupIdPattern();
}
