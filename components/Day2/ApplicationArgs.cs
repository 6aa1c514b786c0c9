namespace PgPlatform.Components.Day2;

/// <summary>One application with its database, in one environment.</summary>
public sealed record ApplicationArgs
{
    /// <summary>The database contract.</summary>
    public required AppDatabaseArgs Database { get; init; }

    /// <summary>The workload.</summary>
    public required AppWorkloadArgs Workload { get; init; }
}
