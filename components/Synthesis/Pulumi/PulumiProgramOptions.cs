namespace PgPlatform.Components.Synthesis.Pulumi;

/// <summary>Program-wide settings of the synthesized Pulumi YAML program.</summary>
public sealed record PulumiProgramOptions
{
    /// <summary>Pulumi project name. Default: <c>pg-platform</c>.</summary>
    public string Project { get; init; } = "pg-platform";

    /// <summary>Stack the program is for; written into the description.</summary>
    public required string Stack { get; init; }

    /// <summary>kubeconfig context the explicit Kubernetes provider targets.</summary>
    public required string KubeContext { get; init; }
}
