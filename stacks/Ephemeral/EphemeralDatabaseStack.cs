using System.Security.Cryptography;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Validation;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// The ephemeral stack of one drill: the base stack's typed settings (cluster, Azure, GitOps) with tier
/// <c>ephemeral</c> and exactly one database, under a fresh stack name, so the database lands in a fresh
/// namespace named for the drill. A drilled database has <see cref="DrillInstances"/> instances (failover needs
/// a replica to promote); a restore stack's database has one and bootstraps from the source stack's object store
/// (<c>recoverFrom</c>). The base database's size and retention overrides are not copied: the ephemeral tier's own apply.
/// The storage class is the base environment's effective one, set explicitly: an ephemeral stack deploys no foundation,
/// so nothing would create a class of its own and the Cluster's volumes would stay Pending. A drilled database replicates
/// as the base environment declares (its <c>pg-platform:replication</c> or its tier's), so the failover drill proves
/// the durability production runs; a restored one is asynchronous, since one instance has no standby to wait for.
/// Delivery is Pulumi's: an ephemeral stack has no Argo CD ApplicationSet of its own to apply the database.
/// </summary>
public static class EphemeralDatabaseStack
{
    /// <summary>Instances of a drilled database: a primary, a synchronous standby to promote, and one more, as in production.</summary>
    public const int DrillInstances = 3;

    /// <summary>Instances of a restored database: recovery needs only one.</summary>
    public const int RestoreInstances = 1;

    /// <summary>The tier every ephemeral stack deploys.</summary>
    public static TierProfile Tier => TierProfiles.Ephemeral;

    /// <summary>A fresh stack name for <paramref name="drill"/>: <c>&lt;drill&gt;-&lt;6 hex&gt;</c>.</summary>
    public static string NewStackName(string drill) => $"{drill}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>
    /// The settings of the ephemeral stack <paramref name="stackName"/> deploying <paramref name="application"/>
    /// with <paramref name="baseStack"/>'s other settings; with <paramref name="recovery"/>, the database is restored
    /// from that source instead of created empty. Throws <see cref="ArgumentException"/> for a stack name the
    /// compiler would refuse.
    /// </summary>
    public static StackSettings Settings(StackSettings baseStack, string application, string stackName, RecoverySelection? recovery = null)
    {
        ArgumentNullException.ThrowIfNull(baseStack);
        if (!Dns1123.IsLabel(stackName, StackSettingsParser.MaxStackNameLength))
        {
            throw new ArgumentException($"stack name '{stackName}' is not a DNS-1123 label of at most {StackSettingsParser.MaxStackNameLength} characters", nameof(stackName));
        }

        var database = new DatabaseSelection { Name = application, Instances = recovery is null ? DrillInstances : RestoreInstances, RecoverFrom = recovery };
        var replication = recovery is null ? baseStack.Replication ?? baseStack.Tier.Replication : ReplicationDurability.Asynchronous;
        // The base environment's monitoring stack scrapes and alerts for the drill's database: the drill stack installs none.
        var monitoring = baseStack.Monitoring with { Mode = MonitoringMode.Existing };
        return baseStack with { Stack = stackName, Tier = Tier, StorageClass = BaseStorageClass(baseStack), Replication = replication, Delivery = Delivery.Pulumi, Monitoring = monitoring, Databases = [database] };
    }

    /// <summary>The storage class the base environment's foundation creates and its volumes use: its setting, or its tier's class.</summary>
    public static string BaseStorageClass(StackSettings baseStack)
    {
        ArgumentNullException.ThrowIfNull(baseStack);
        return baseStack.StorageClass ?? baseStack.Tier.StorageClass;
    }

    /// <summary>The <c>config set</c> calls that give a stack <paramref name="settings"/> (the compiler parses them back to the same settings).</summary>
    public static IReadOnlyList<ConfigSetting> Config(StackSettings settings) =>
        [.. StackConfigWriter.ToConfig(settings).Select(e => new ConfigSetting(e.Key, e.Value, IsPath: e.IsPath))];

    /// <summary>Options for the stack of <paramref name="settings"/> in <paramref name="projectDirectory"/> (whose <c>Pulumi.yaml</c> compiles it).</summary>
    public static EphemeralStackOptions Options(StackSettings settings, string projectDirectory, Action<string> log) => new()
    {
        StackName = settings.Stack,
        ProjectDirectory = projectDirectory,
        Config = Config(settings),
        Log = log,
    };
}
