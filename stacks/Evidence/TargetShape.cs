namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// What the drilled cluster was: the declaration it was shaped from (or the lab self-test), how it was shaped,
/// where the application connected, and which PostgreSQL was declared and which one actually ran.
/// </summary>
public sealed record TargetShape
{
    /// <summary>What was drilled (<c>stack prod, application linkding, tier production</c>, or <c>lab self-test (no declared stack)</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>The tier's name, or <c>lab</c>.</summary>
    public required string Tier { get; init; }

    /// <summary>Members run.</summary>
    public required int Instances { get; init; }

    /// <summary>The declared replication and how the target applied it.</summary>
    public required string Replication { get; init; }

    /// <summary>The address the application and the writer connected to.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The application's database.</summary>
    public required string Database { get; init; }

    /// <summary>Its owner, the application's login.</summary>
    public required string Owner { get; init; }

    /// <summary>Declared PostgreSQL parameters the members ran with (<c>name=value</c>).</summary>
    public required IReadOnlyList<string> AppliedParameters { get; init; }

    /// <summary>Declared parameters not applied, each with its reason.</summary>
    public required IReadOnlyList<string> SkippedParameters { get; init; }

    /// <summary>The declared backup retention, or <c>not declared</c>.</summary>
    public required string Retention { get; init; }

    /// <summary>The declared PostgreSQL image, or <c>not declared</c>.</summary>
    public required string DeclaredImage { get; init; }

    /// <summary>What <c>SHOW server_version</c> answered on the drilled cluster.</summary>
    public required string RanVersion { get; init; }

    /// <summary>The comparison of declared and drilled versions in plain words (a major mismatch says so).</summary>
    public required string Versions { get; init; }
}
