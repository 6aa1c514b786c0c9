using System.Globalization;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Kubernetes.Crds.Monitoring;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Stacks.Targets;

/// <summary>
/// The PrometheusRule groups a stack declares for one database, as the rule files a Prometheus loads: the spec of
/// each PrometheusRule in the database's namespace, serialized unchanged. Only the label values a target maps onto
/// its members (namespace, pod names <c>CLUSTER-N</c>) come from here; the expressions are never rewritten.
/// </summary>
/// <param name="Stack">The stack the rules come from.</param>
/// <param name="Namespace">The database's namespace (the <c>namespace</c> label the rules select).</param>
/// <param name="Cluster">The Cluster's name; instance pods are <c>CLUSTER-1</c>, <c>CLUSTER-2</c>, ...</param>
/// <param name="Instances">The Cluster's declared instances (the rules' HA thresholds depend on it).</param>
/// <param name="Rules">Every alerting rule of the files, for their declared <c>for</c> durations.</param>
/// <param name="Files">Rule file name to YAML content.</param>
public sealed record AlertRules(string Stack, string Namespace, string Cluster, int Instances, IReadOnlyList<AlertRule> Rules, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The rules of <paramref name="application"/>'s database as <paramref name="stack"/> declares them.</summary>
    public static AlertRules From(DeclaredStack stack, string application)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var database = stack.Database(application);
        var rules = stack.Model.KubernetesObjects.Select(o => o.Object).OfType<PrometheusRule>()
            .Where(r => r.Metadata.NamespaceProperty == database.Namespace)
            .OrderBy(r => r.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        if (rules.Count == 0)
        {
            throw new DeclarationException($"stack '{stack.Settings.Stack}' declares no PrometheusRule in namespace {database.Namespace} of application '{application}'", "declare the database with AppDatabase, which declares its alerts");
        }

        return new AlertRules(
            stack.Settings.Stack,
            database.Namespace,
            database.ClusterName,
            database.Cluster.Spec.Instances,
            [.. rules.SelectMany(r => r.Spec.Groups).SelectMany(g => g.Rules)],
            rules.ToDictionary(r => $"{r.Metadata.Name}.yaml", r => YamlWriter.Write(CanonicalJson.FromObject(r.Spec)), StringComparer.Ordinal));
    }

    /// <summary>The pod label of the <paramref name="ordinal"/>-th instance (1-based), as CNPG names instance pods.</summary>
    public string Pod(int ordinal) => string.Create(CultureInfo.InvariantCulture, $"{Cluster}-{ordinal}");

    /// <summary>The rule named <paramref name="alert"/>; throws naming the declared alerts when there is none.</summary>
    public AlertRule Rule(string alert) =>
        Rules.FirstOrDefault(r => r.Alert == alert)
        ?? throw new InvalidOperationException($"stack '{Stack}' declares no alert {alert} for cluster {Cluster} (it declares {string.Join(", ", Rules.Select(r => r.Alert))})");

    /// <summary>The declared <c>for</c> of <paramref name="alert"/> (zero when unset).</summary>
    public TimeSpan For(string alert) => Rule(alert).For is { Length: > 0 } text ? PrometheusDuration.Parse(text) : TimeSpan.Zero;
}
