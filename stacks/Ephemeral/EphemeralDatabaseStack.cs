using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// The ephemeral stack of one drill: the base stack's settings (cluster, Azure, GitOps) with
/// <c>pg-platform:tier=ephemeral</c> and exactly one database, under a fresh stack name, so the database
/// lands in a fresh namespace <c>&lt;app&gt;-&lt;stack&gt;</c> named for the drill.
/// </summary>
public static partial class EphemeralDatabaseStack
{
    /// <summary>The tier every ephemeral stack deploys.</summary>
    public const string Tier = "ephemeral";

    /// <summary>The longest namespace (a DNS-1123 label).</summary>
    public const int MaxNamespaceLength = 63;

    /// <summary>A fresh stack name for <paramref name="drill"/>: <c>&lt;drill&gt;-&lt;6 hex&gt;</c>.</summary>
    public static string NewStackName(string drill) => $"{drill}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The namespace the application's database lands in (the infra program's <c>&lt;app&gt;-&lt;env&gt;</c>).</summary>
    public static string Namespace(string application, string stackName) => $"{application}-{stackName}";

    /// <summary>
    /// The settings of the ephemeral stack <paramref name="stackName"/> deploying <paramref name="application"/>
    /// with <paramref name="baseStack"/>'s other settings. Throws <see cref="ArgumentException"/> when the
    /// names would not make a valid namespace.
    /// </summary>
    public static IReadOnlyList<ConfigSetting> Config(StackFile baseStack, string application, string stackName)
    {
        var ns = Namespace(application, stackName);
        if (ns.Length > MaxNamespaceLength || !Dns1123Label().IsMatch(ns))
        {
            throw new ArgumentException($"namespace '{ns}' of application '{application}' in stack '{stackName}' is not a DNS-1123 label of at most {MaxNamespaceLength} characters", nameof(stackName));
        }

        return
        [
            .. baseStack.Settings.Where(s => s.Key != StackFile.TierKey && !s.Key.StartsWith(StackFile.DatabasesKey, StringComparison.Ordinal)),
            new ConfigSetting(StackFile.TierKey, Tier),
            new ConfigSetting($"{StackFile.DatabasesKey}[0].name", application, IsPath: true),
        ];
    }

    /// <summary>Options for the ephemeral stack of <paramref name="application"/>, rooted at the project directory that holds <paramref name="baseStack"/>.</summary>
    public static EphemeralStackOptions Options(StackFile baseStack, string projectDirectory, string application, string stackName, Action<string> log) => new()
    {
        StackName = stackName,
        ProjectDirectory = projectDirectory,
        Config = Config(baseStack, application, stackName),
        Log = log,
    };

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();
}
