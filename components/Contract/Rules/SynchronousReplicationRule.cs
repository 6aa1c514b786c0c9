using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP019: in tiers whose <see cref="TierProfile.Replication"/> requires durability (production), Clusters replicate
/// synchronously with <c>dataDurability: required</c>. Without <c>spec.postgresql.synchronous</c> CNPG replicates
/// asynchronously, and a failover can lose writes the application was told were committed; with <c>preferred</c> it
/// can too, once the standbys are gone (cloudnative-pg/cloudnative-pg <c>docs/src/replication.md</c>, v1.30.0).
/// </summary>
public sealed class SynchronousReplicationRule : ContractRule
{
    private static readonly IReadOnlyList<TierProfile> Durable = TiersWhere(t => t.Replication.DataDurability == ReplicationDurability.Synchronous.DataDurability);

    private static readonly string Required = ReplicationDurability.Synchronous.DataDurability!;

    /// <inheritdoc />
    public override string Id => "PGP019";

    /// <inheritdoc />
    public override string Title { get; } = $"{Capitalized(NamesOf(Durable))} Clusters replicate synchronously with dataDurability {Required}";

    /// <inheritdoc />
    public override IReadOnlySet<Tier>? Tiers { get; } = SetOf(Durable);

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"!({CelTierIs(Durable)}) || (has(object.spec.postgresql) && has(object.spec.postgresql.synchronous)"
        + " && has(object.spec.postgresql.synchronous.number) && object.spec.postgresql.synchronous.number >= 1"
        + $" && has(object.spec.postgresql.synchronous.dataDurability) && object.spec.postgresql.synchronous.dataDurability == '{Required}')",
        $"PGP019: {NamesOf(Durable)} Clusters need spec.postgresql.synchronous with number >= 1 and dataDurability: {Required}",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind) || tier is null || !Durable.Contains(tier))
        {
            yield break;
        }

        var fix = $"set spec.postgresql.synchronous to {{method: {ReplicationDurability.Method}, number: 1, dataDurability: {Required}}}";
        var number = JsonPath.Integer(manifest.Element, "spec.postgresql.synchronous.number");
        if (number is null or < 1)
        {
            yield return Violation(manifest, "spec.postgresql.synchronous.number",
                $"{(number is null ? "not set, so CNPG replicates asynchronously" : $"{number}")}: a failover can lose writes the {tier.Name} tier acknowledged", fix);
            yield break;
        }

        var durability = JsonPath.String(manifest.Element, "spec.postgresql.synchronous.dataDurability");
        if (durability != Required)
        {
            yield return Violation(manifest, "spec.postgresql.synchronous.dataDurability",
                $"{durability ?? "not set"} lets commits go on without a standby, so a failover can lose writes the {tier.Name} tier acknowledged", fix);
        }
    }
}
