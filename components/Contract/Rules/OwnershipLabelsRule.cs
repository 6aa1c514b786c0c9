using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP010: every object says which application it belongs to, which team owns it and its tier.</summary>
public sealed class OwnershipLabelsRule : ContractRule
{
    private static readonly IReadOnlyList<string> Required = PlatformLabels.Ownership;

    /// <inheritdoc />
    public override string Id => "PGP010";

    /// <inheritdoc />
    public override string Title => "Every object carries ownership labels (application, team, tier)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"has(object.metadata) && has(object.metadata.labels) && [{string.Join(", ", Required.Select(CelText.Quote))}].all(k, k in object.metadata.labels)"
        + $" && object.metadata.labels['{PlatformLabels.Tier}'] in [{string.Join(", ", TierProfiles.All.Select(t => CelText.Quote(t.Name)))}]",
        $"PGP010: metadata.labels needs {string.Join(", ", Required)} (tier one of {string.Join(", ", TierProfiles.All.Select(t => t.Name))})",
        [
            AdmissionResource.Cluster, AdmissionResource.ScheduledBackup, AdmissionResource.Deployment, AdmissionResource.StatefulSet,
            AdmissionResource.ObjectStore, AdmissionResource.ExternalSecret, AdmissionResource.PodMonitor, AdmissionResource.PrometheusRule,
            new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
            new("", "v1", "services", "Service"),
        ])
    {
        // CNPG creates the -rw/-ro/-r Services itself, labelled with its own app.kubernetes.io/* values and only the
        // pg-platform.io/* keys the Cluster passes down (inheritedMetadata); the contract judges what is submitted.
        MatchCondition = CelText.NotAnOperatorRequest,
    };

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        foreach (var key in Required)
        {
            if (manifest.Label(key) is null)
            {
                yield return Violation(manifest, $"metadata.labels['{key}']", "missing ownership label", $"add label {key} (see README, 'Ownership labels')");
            }
        }

        if (manifest.Label(PlatformLabels.Tier) is { } value && TierProfiles.All.All(t => t.Name != value))
        {
            yield return Violation(manifest, $"metadata.labels['{PlatformLabels.Tier}']", $"'{value}' is not a tier",
                $"use one of {string.Join(", ", TierProfiles.All.Select(t => t.Name))}");
        }
    }
}
