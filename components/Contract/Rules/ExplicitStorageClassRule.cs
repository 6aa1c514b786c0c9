using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP011: a Cluster's volumes name their storage class instead of taking the cluster default.</summary>
public sealed class ExplicitStorageClassRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP011";

    /// <inheritdoc />
    public override string Title => "Cluster storage (and WAL storage) names an explicit storageClass";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        "has(object.spec.storage) && has(object.spec.storage.storageClass) && (!has(object.spec.walStorage) || has(object.spec.walStorage.storageClass))",
        "PGP011: spec.storage.storageClass (and spec.walStorage.storageClass when present) must be set explicitly",
        [AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            yield break;
        }

        var suggestion = tier?.StorageClass ?? "pgp-<tier>";
        if (JsonPath.String(manifest.Element, "spec.storage.storageClass") is null)
        {
            yield return Violation(manifest, "spec.storage.storageClass", "not set, so the volume gets whatever the cluster's default class is (reclaim policy, zone binding and speed unknown)",
                $"set spec.storage.storageClass, e.g. {suggestion}");
        }

        if (JsonPath.Get(manifest.Element, "spec.walStorage") is not null && JsonPath.String(manifest.Element, "spec.walStorage.storageClass") is null)
        {
            yield return Violation(manifest, "spec.walStorage.storageClass", "not set, so the WAL volume gets the cluster's default class", $"set spec.walStorage.storageClass, e.g. {suggestion}");
        }
    }
}
