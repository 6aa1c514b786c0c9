using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>PGP006: a PodMonitor scrapes every Cluster and a PrometheusRule covers every alert class.</summary>
public sealed class MonitoringRule : ContractRule
{
    /// <summary>The Cluster a PodMonitor selects (its <c>cnpg.io/cluster</c> label selector).</summary>
    private static readonly ManifestKey SelectedCluster = ManifestKey.Single("spec.selector.matchLabels", p => JsonPath.Key(JsonPath.Get(p.Element, "spec.selector.matchLabels"), CnpgApi.ClusterLabel));

    /// <summary>Every word a PrometheusRule's expressions name (<see cref="ExpressionWords.Of"/>).</summary>
    private static readonly ManifestKey MentionedWords = new("spec.groups[].rules[].expr words", r =>
        JsonPath.Objects(r.Element, "spec.groups").SelectMany(g => JsonPath.Objects(g.Item, "rules")).SelectMany(x => ExpressionWords.Of(Text(x.Item, "expr"))));

    /// <inheritdoc />
    public override string Id => "PGP006";

    /// <inheritdoc />
    public override string Title => "A PodMonitor selects each Cluster and a PrometheusRule covers the alert classes";

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        if (!manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            yield break;
        }

        var monitored = all.Find(manifest, MonitoringApi.Group, MonitoringApi.PodMonitorKind, SelectedCluster, manifest.Name).Any();
        if (!monitored)
        {
            yield return Violation(manifest, "metadata.name", "no PodMonitor selects this Cluster's instances, so nothing scrapes its metrics",
                $"add a {MonitoringApi.ApiVersion} {MonitoringApi.PodMonitorKind} with spec.selector.matchLabels['{CnpgApi.ClusterLabel}']: {manifest.Name} and podMetricsEndpoints [{{port: {CnpgApi.MetricsPort}}}]");
        }

        var candidates = all.Find(manifest, MonitoringApi.Group, MonitoringApi.PrometheusRuleKind, MentionedWords, manifest.Name);
        if (manifest.Namespace is { } ns)
        {
            candidates = candidates.Concat(all.Find(manifest, MonitoringApi.Group, MonitoringApi.PrometheusRuleKind, MentionedWords, ns));
        }

        var covered = candidates.Distinct()
            .SelectMany(r => JsonPath.Objects(r.Element, "spec.groups").SelectMany(g => JsonPath.Objects(g.Item, "rules")))
            .Where(r => Mentions(Text(r.Item, "expr"), manifest))
            .Select(r => JsonPath.String(r.Item, "labels.alert_class"))
            .ToHashSet();
        // A one-instance Cluster has no standby to watch, so the replica classes are not asked of it.
        var instances = JsonPath.Get(manifest.Element, "spec.instances") is { ValueKind: System.Text.Json.JsonValueKind.Number } n ? n.GetInt32() : 1;
        var missing = AlertClass.For(instances).Where(c => !covered.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            yield return Violation(manifest, "metadata.name", $"no PrometheusRule alerts on {string.Join(", ", missing)} for this Cluster",
                "add rules whose expr selects this Cluster, labelled alert_class: <class>, for each missing class");
        }
    }

    /// <summary>A property as text (a string's value, other values as JSON), or empty when absent or null.</summary>
    private static string Text(System.Text.Json.JsonElement item, string key) =>
        JsonPath.Get(item, key) is { } value ? (value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText()) : "";

    /// <summary>
    /// A rule is about the Cluster when its expression names the Cluster or, for namespace-wide signals, its namespace, as a
    /// word: not glued to a letter, digit or underscore (<c>pod=~"shop-db-[0-9]+"</c> names shop-db; <c>myshop-db</c> does not).
    /// </summary>
    private static bool Mentions(string expr, Manifest cluster) =>
        ExpressionWords.Names(expr, cluster.Name) || cluster.Namespace is { } ns && ExpressionWords.Names(expr, ns);
}
