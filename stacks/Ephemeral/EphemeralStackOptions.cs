namespace PgPlatform.Stacks.Ephemeral;

/// <summary>How to stand up one ephemeral Pulumi stack.</summary>
public sealed record EphemeralStackOptions
{
    /// <summary>Stack name (also the environment name, so namespaces are <c>&lt;app&gt;-&lt;stack&gt;</c>).</summary>
    public required string StackName { get; init; }

    /// <summary>The Pulumi project directory (the repository root, whose <c>Pulumi.yaml</c> compiles the infra program).</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>Config the stack is given, in order.</summary>
    public IReadOnlyList<ConfigSetting> Config { get; init; } = [];

    /// <summary>The local file backend's directory; null creates a temporary one, deleted after a clean teardown.</summary>
    public string? BackendDirectory { get; init; }

    /// <summary>The <c>pulumi</c> executable; null looks for <c>pulumi</c> on <see cref="SearchPath"/>.</summary>
    public string? PulumiPath { get; init; }

    /// <summary>PATH to find <c>pulumi</c> on, and the CLI's own PATH (the compiler runs <c>dotnet</c> from it). Default: this process's PATH.</summary>
    public string? SearchPath { get; init; } = System.Environment.GetEnvironmentVariable("PATH");

    /// <summary>More environment variables for the CLI (cloud credentials, <c>KUBECONFIG</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Longest <c>up</c> or <c>destroy</c>. Default 30 minutes.</summary>
    public TimeSpan DeployTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Longest other command (<c>stack init</c>, <c>config set</c>, <c>stack output</c>, <c>stack rm</c>). Default 2 minutes.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Progress lines (each command run, teardown problems); never a secret.</summary>
    public Action<string> Log { get; init; } = _ => { };
}
