namespace PgPlatform.Components.Day2;

/// <summary>An application's workload: a Deployment and a Service wired to its database. Optional properties document their defaults.</summary>
public sealed record AppWorkloadArgs
{
    /// <summary>Owning team.</summary>
    public required string Team { get; init; }

    /// <summary>The pinned image.</summary>
    public required ContainerImage Image { get; init; }

    /// <summary>Container port the application listens on.</summary>
    public required int Port { get; init; }

    /// <summary>Which variables receive the database connection.</summary>
    public required DatabaseEnvironmentNames DatabaseEnvironment { get; init; }

    /// <summary>Other plain environment variables. Default: none.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>HTTP path answering 200 when ready. Default: none (no probe).</summary>
    public string? HealthPath { get; init; }

    /// <summary>Replicas. Default: the tier's <c>DefaultWorkloadReplicas</c> (2 in production, otherwise 1).</summary>
    public int? Replicas { get; init; }

    /// <summary>CPU request. Default: <c>100m</c>.</summary>
    public string CpuRequest { get; init; } = "100m";

    /// <summary>Memory request and limit. Default: <c>256Mi</c>.</summary>
    public string Memory { get; init; } = "256Mi";
}
