using System.Text.RegularExpressions;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP014: applications write through their Cluster's <c>-rw</c> service. A database host that points at
/// <c>-ro</c> or <c>-r</c>, at an instance pod, or at no Cluster's <c>-rw</c> service breaks writes after a failover.
/// </summary>
public sealed partial class ReadWriteServiceRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP014";

    /// <inheritdoc />
    public override string Title => "Workloads reach their database through the Cluster's -rw service";

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        if (Kinds.PodSpec(manifest) is not { } pod)
        {
            yield break;
        }

        foreach (var (index, container) in JsonPath.Objects(pod.Spec, "containers"))
        {
            foreach (var (envIndex, env) in JsonPath.Objects(container, "env"))
            {
                var name = JsonPath.String(env, "name") ?? "";
                var value = JsonPath.String(env, "value");
                if (value is null)
                {
                    continue;
                }

                var host = HostOf(value);
                var target = Target(all, manifest, host);
                var field = $"{pod.Path}.containers[{index}].env[{envIndex}]";
                if (target.Name is not null)
                {
                    var suffix = host[target.Name.Length..];
                    if (suffix != "-rw")
                    {
                        var what = suffix is "-ro" or "-r" ? $"the {suffix} service, which refuses writes" : PodSuffix().IsMatch(suffix) ? "an instance pod, which may be a replica after a failover" : $"'{host}', which is no service of Cluster {target.Name}";
                        yield return Violation(manifest, field, $"{name}={value} points at {what}", $"use {target.Name}-rw.{target.Namespace ?? manifest.Namespace ?? "<namespace>"}.svc");
                    }
                }
                else if (DatabaseHostName().IsMatch(name))
                {
                    yield return Violation(manifest, field, $"{name}={value} matches no Cluster's -rw service in the tree",
                        all.First(manifest, CnpgApi.Group, CnpgApi.ClusterKind) is { } first ? $"use {first.Name}-rw.{first.Namespace ?? manifest.Namespace ?? "<namespace>"}.svc" : "declare the Cluster in the tree and use its <cluster>-rw service");
                }
            }
        }
    }

    /// <summary>
    /// The Cluster a host belongs to: the first one in input order, of the workload's namespace, whose name is the host or
    /// a prefix of it ending before a '-'. Looked up by name for each such prefix, so the cost does not grow with the Clusters.
    /// </summary>
    private static (string? Name, string? Namespace) Target(ManifestSet all, Manifest manifest, string host)
    {
        Manifest? best = null;
        var bestOrder = int.MaxValue;
        for (var end = 0; end <= host.Length; end++)
        {
            if (end < host.Length && host[end] != '-' || end == 0)
            {
                continue;
            }

            if (all.Find(manifest, CnpgApi.Group, CnpgApi.ClusterKind, ManifestKey.Name, host[..end]).FirstOrDefault() is { } cluster
                && all.OrderOf(cluster) < bestOrder)
            {
                best = cluster;
                bestOrder = all.OrderOf(cluster);
            }
        }

        return best is null ? (null, null) : (best.Name, best.Namespace);
    }

    /// <summary>The first DNS label of the host a value names: <c>shop-db-rw</c> of <c>shop-db-rw.ns.svc</c>, <c>shop-db-rw:5432</c> or <c>postgres://u:pw@shop-db-rw.ns.svc/db</c>.</summary>
    private static string HostOf(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return value.Split('.')[0].Split(':')[0];
        }

        var authority = value[(scheme + 3)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        authority = end < 0 ? authority : authority[..end];
        return authority[(authority.LastIndexOf('@') + 1)..].Split('.')[0].Split(':')[0];
    }

    [GeneratedRegex("^-[0-9]+$")]
    private static partial Regex PodSuffix();

    [GeneratedRegex("(DB|DATABASE|PG|POSTGRES)[A-Z_]*HOST", RegexOptions.IgnoreCase)]
    private static partial Regex DatabaseHostName();
}
