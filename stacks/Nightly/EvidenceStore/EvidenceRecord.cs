using System.Globalization;
using PgPlatform.Stacks.Evidence;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>What the store keeps of one database's turn in one nightly run.</summary>
public sealed record EvidenceRecord
{
    /// <summary>The stack whose database was drilled.</summary>
    public required string Stack { get; init; }

    /// <summary>The nightly run (<c>yyyyMMddTHHmmssZ-hex</c>).</summary>
    public required string RunId { get; init; }

    /// <summary>The database's application.</summary>
    public required string Application { get; init; }

    /// <summary>When its turn started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long its turn took, in seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>True when every drill ran and passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>Why the drills did not run or the stack was not torn down; null when all went to plan.</summary>
    public string? Error { get; init; }

    /// <summary>The drills' evidence; null when none ran.</summary>
    public RunEvidence? Run { get; init; }

    /// <summary>The restore drill's RTO, when one ran.</summary>
    public double? RtoSeconds => Run?.Drills.FirstOrDefault(d => d.RtoSeconds is not null)?.RtoSeconds;

    /// <summary>The restore drill's RTO projected to the declared storage size, when it projected one.</summary>
    public double? ProjectedRtoSeconds => Run?.Drills.FirstOrDefault(d => d.ProjectedRtoSeconds is not null)?.ProjectedRtoSeconds;

    /// <summary>The restore drill's RPO, when one ran.</summary>
    public double? RpoSeconds => Run?.Drills.FirstOrDefault(d => d.RpoSeconds is not null)?.RpoSeconds;

    /// <summary>What the scheduler reads of it.</summary>
    public EvidenceSummary Summary => new(Stack, Application, RunId, StartedAt, DurationSeconds, Passed, RtoSeconds, RpoSeconds) { ProjectedRtoSeconds = ProjectedRtoSeconds };

    /// <summary>
    /// The record's name without extension: <c>&lt;stack&gt;/&lt;app&gt;/&lt;start, UTC&gt;-&lt;run id&gt;</c>. Names sort by time
    /// within a database, and the run id keeps two runs starting in the same second apart.
    /// </summary>
    public string Name => $"{Stack}/{Application}/{StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{RunId}";

    /// <summary>A new run id for a night starting at <paramref name="at"/>.</summary>
    public static string NewRunId(DateTimeOffset at) =>
        $"{at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
}
