using PgPlatform.Components.Day2;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP010: every object says which application it belongs to, which team owns it and its tier.</summary>
public sealed class OwnershipLabelsRule : ContractRule
{
    private static readonly string[] Required = [Labels.Name, Labels.Team, Labels.Tier];

    /// <inheritdoc />
    public override string Id => "PGP010";

    /// <inheritdoc />
    public override string Title => "Every object carries ownership labels (application, team, tier)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"has(object.metadata) && has(object.metadata.labels) && [{string.Join(", ", Required.Select(CelText.Quote))}].all(k, k in object.metadata.labels)"
        + $" && object.metadata.labels['{Labels.Tier}'] in [{string.Join(", ", TierProfiles.All.Select(t => CelText.Quote(t.Name)))}]",
        $"PGP010: metadata.labels needs {string.Join(", ", Required)} (tier one of {string.Join(", ", TierProfiles.All.Select(t => t.Name))})",
        [
            AdmissionResource.Cluster, AdmissionResource.ScheduledBackup, AdmissionResource.Deployment, AdmissionResource.StatefulSet,
            new("barmancloud.cnpg.io", "v1", "objectstores", "ObjectStore"),
            new("external-secrets.io", "v1", "externalsecrets", "ExternalSecret"),
            new("monitoring.coreos.com", "v1", "podmonitors", "PodMonitor"),
            new("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule"),
            new("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy"),
            new("", "v1", "services", "Service"),
        ]);

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

        if (manifest.Label(Labels.Tier) is { } value && TierProfiles.All.All(t => t.Name != value))
        {
            yield return Violation(manifest, $"metadata.labels['{Labels.Tier}']", $"'{value}' is not a tier",
                $"use one of {string.Join(", ", TierProfiles.All.Select(t => t.Name))}");
        }
    }
}
