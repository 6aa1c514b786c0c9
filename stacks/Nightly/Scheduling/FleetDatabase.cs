using PgPlatform.Components.Tiers;

namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>One declared database as the scheduler sees it.</summary>
/// <param name="Stack">The stack declaring it.</param>
/// <param name="Application">Its application.</param>
/// <param name="Team">The owning team (cost per team).</param>
/// <param name="Tier">Its stack's tier: the evidence objective.</param>
/// <param name="Footprint">What one drill of it holds in the cluster while it runs.</param>
public sealed record FleetDatabase(string Stack, string Application, string Team, TierProfile Tier, DrillFootprint Footprint)
{
    /// <summary>How fresh its evidence must be.</summary>
    public TimeSpan Objective => Tier.EvidenceObjective;
}
