using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// The ephemeral stack of one drill: the base stack's settings (cluster, Azure, GitOps) with
/// <c>pg-platform:tier=ephemeral</c> and exactly one database, under a fresh stack name, so the database
/// lands in a fresh namespace <c>&lt;app&gt;-&lt;stack&gt;</c> named for the drill. A drilled database has
/// <see cref="DrillInstances"/> instances (failover needs a replica to promote); a restore stack's database
/// has one and bootstraps from the source stack's object store (<c>recoverFrom</c>).
/// </summary>
public static partial class EphemeralDatabaseStack
{
    /// <summary>The tier every ephemeral stack deploys.</summary>
    public const string Tier = "ephemeral";

    /// <summary>Instances of a drilled database: a primary, a synchronous standby to promote, and one more, as in production.</summary>
    public const int DrillInstances = 3;

    /// <summary>Instances of a restored database: recovery needs only one.</summary>
    public const int RestoreInstances = 1;

    /// <summary>The longest namespace (a DNS-1123 label).</summary>
    public const int MaxNamespaceLength = 63;

    /// <summary>A fresh stack name for <paramref name="drill"/>: <c>&lt;drill&gt;-&lt;6 hex&gt;</c>.</summary>
    public static string NewStackName(string drill) => $"{drill}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The namespace the application's database lands in (the infra program's <c>&lt;app&gt;-&lt;env&gt;</c>).</summary>
    public static string Namespace(string application, string stackName) => $"{application}-{stackName}";

    /// <summary>
    /// The settings of the ephemeral stack <paramref name="stackName"/> deploying <paramref name="application"/>
    /// with <paramref name="baseStack"/>'s other settings; with <paramref name="recovery"/>, the database is
    /// restored from that source instead of created empty. Throws <see cref="ArgumentException"/> when the
    /// names would not make a valid namespace.
    /// </summary>
    public static IReadOnlyList<ConfigSetting> Config(StackFile baseStack, string application, string stackName, RecoverySource? recovery = null)
    {
        var ns = Namespace(application, stackName);
        if (ns.Length > MaxNamespaceLength || !Dns1123Label().IsMatch(ns))
        {
            throw new ArgumentException($"namespace '{ns}' of application '{application}' in stack '{stackName}' is not a DNS-1123 label of at most {MaxNamespaceLength} characters", nameof(stackName));
        }

        var database = $"{StackFile.DatabasesKey}[0]";
        List<ConfigSetting> config =
        [
            .. baseStack.Settings.Where(s => s.Key != StackFile.TierKey && !s.Key.StartsWith(StackFile.DatabasesKey, StringComparison.Ordinal)),
            new ConfigSetting(StackFile.TierKey, Tier),
            new ConfigSetting($"{database}.name", application, IsPath: true),
            new ConfigSetting($"{database}.instances", (recovery is null ? DrillInstances : RestoreInstances).ToString(CultureInfo.InvariantCulture), IsPath: true),
        ];
        if (recovery is not null)
        {
            config.Add(new ConfigSetting($"{database}.recoverFrom.stack", recovery.Stack, IsPath: true));
            if (recovery.BackupId is { } backup)
            {
                config.Add(new ConfigSetting($"{database}.recoverFrom.backupId", backup, IsPath: true));
            }

            if (recovery.TargetTime is { } time)
            {
                config.Add(new ConfigSetting($"{database}.recoverFrom.targetTime", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), IsPath: true));
            }
        }

        return config;
    }

    /// <summary>Options for the ephemeral stack of <paramref name="application"/>, rooted at the project directory that holds <paramref name="baseStack"/>.</summary>
    public static EphemeralStackOptions Options(StackFile baseStack, string projectDirectory, string application, string stackName, Action<string> log, RecoverySource? recovery = null) => new()
    {
        StackName = stackName,
        ProjectDirectory = projectDirectory,
        Config = Config(baseStack, application, stackName, recovery),
        Log = log,
    };

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
