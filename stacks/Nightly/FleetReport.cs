using System.Text.Json.Serialization;
using PgPlatform.Stacks.Nightly.Cost;
using PgPlatform.Stacks.Nightly.FleetView;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly;

/// <summary>A nightly run over the due applications of a stack, and where every declared database stands after it.</summary>
public sealed record FleetReport
{
    /// <summary>The stack whose applications were drilled.</summary>
    public required string Stack { get; init; }

    /// <summary>When the night started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The run's id, part of every evidence record it stored.</summary>
    public string RunId { get; init; } = "";

    /// <summary>Each application drilled tonight, in the stack's order.</summary>
    public required IReadOnlyList<ApplicationRun> Applications { get; init; }

    /// <summary>Applications not drilled because their evidence is fresh.</summary>
    public IReadOnlyList<string> Fresh { get; init; } = [];

    /// <summary>Applications due but not started: the window could not fit them.</summary>
    public IReadOnlyList<string> Deferred { get; init; } = [];

    /// <summary>True when drills still running at the window's end were stopped (and their stacks torn down).</summary>
    public bool StoppedAtWindowEnd { get; init; }

    /// <summary>Every declared database against its objective after the night (history included); not serialized, see <see cref="FleetReportWriter"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<DatabaseStanding> Standings { get; init; } = [];

    /// <summary>Every declared database in the fleet view, in the stack's order.</summary>
    public IReadOnlyList<FleetEntry> Fleet => [.. Standings.Select(s => FleetEntry.Of(s, EvaluatedAt, DueFraction))];

    /// <summary>The due fraction the night scheduled with (fleet view status).</summary>
    public double DueFraction { get; init; } = 0.5;

    /// <summary>What the stack's databases hold, per tier and per team.</summary>
    public IReadOnlyList<CostLine> Cost { get; init; } = [];

    /// <summary>When <see cref="Standings"/> were evaluated (ages are measured to it).</summary>
    public DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>Where the evidence records went; null without a store.</summary>
    public string? EvidenceLocation { get; init; }

    /// <summary>Evidence that could not be stored.</summary>
    public IReadOnlyList<string> StoreErrors { get; init; } = [];

    /// <summary>True when every application drilled passed, something was drilled or found fresh, and all evidence was stored.</summary>
    public bool Passed => (Applications.Count > 0 || Fresh.Count > 0) && Applications.All(a => a.Passed) && StoreErrors.Count == 0;
}
