using System.Text.Json.Serialization;

namespace PgPlatform.Stacks.Evidence;

/// <summary>
/// How a drill ended. Only <see cref="Passed"/> counts as proof; a run passes when at least one drill passed and
/// none failed or was left not run (see <see cref="RunEvidence.Passed"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DrillOutcome>))]
public enum DrillOutcome
{
    /// <summary>Every check the drill made was observed to pass.</summary>
    [JsonStringEnumMemberName("passed")]
    Passed,

    /// <summary>A check failed, the drill threw, or nothing was observed to pass.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The drill does not apply to this target or stack (the reason says why); neither proof nor failure.</summary>
    [JsonStringEnumMemberName("not-applicable")]
    NotApplicable,

    /// <summary>The drill was not run because an earlier drill's fault left the target unfit for it (the reason says which); fails the run.</summary>
    [JsonStringEnumMemberName("not-run")]
    NotRun,
}
