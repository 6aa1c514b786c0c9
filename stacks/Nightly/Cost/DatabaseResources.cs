using k8s.Models;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.Nightly.Cost;

/// <summary>What one declared database holds, read from its synthesized Cluster and ObjectStore.</summary>
/// <param name="Application">Its application.</param>
/// <param name="Team">The owning team (<c>pg-platform.io/team</c>).</param>
/// <param name="Instances">Instances (<c>spec.instances</c>).</param>
/// <param name="CpuCores">CPU requested per instance, in cores.</param>
/// <param name="MemoryGiB">Memory requested per instance, in GiB.</param>
/// <param name="DataGiB">PGDATA volume per instance, in GiB.</param>
/// <param name="WalGiB">WAL volume per instance, in GiB (0 without <c>walStorage</c>).</param>
/// <param name="RetentionDays">Recovery window of its backups (the ObjectStore's <c>retentionPolicy</c>).</param>
public sealed record DatabaseResources(string Application, string Team, int Instances, double CpuCores, double MemoryGiB, double DataGiB, double WalGiB, int RetentionDays)
{
    private const double GiB = 1024d * 1024 * 1024;

    /// <summary>Reads <paramref name="database"/>; a missing request or size counts 0 (and the contract would have refused it in a served tier).</summary>
    public static DatabaseResources Of(DeclaredDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var spec = database.Cluster.Spec;
        var requests = spec.Resources?.Requests;
        var team = database.Cluster.Metadata.Labels is { } labels && labels.TryGetValue(PlatformLabels.Team, out var t) ? t : "unknown";
        var retention = database.ObjectStore.Spec.RetentionPolicy is { } policy && policy.EndsWith('d') && int.TryParse(policy[..^1], out var days) ? days : database.Tier.RetentionDays;
        return new DatabaseResources(
            database.Application, team, spec.Instances,
            Quantity(requests, "cpu"), Quantity(requests, "memory") / GiB,
            Size(spec.Storage?.Size), Size(spec.WalStorage?.Size), retention);
    }

    /// <summary>CPU requested by all instances.</summary>
    public double TotalCpuCores => Instances * CpuCores;

    /// <summary>Memory requested by all instances.</summary>
    public double TotalMemoryGiB => Instances * MemoryGiB;

    /// <summary>Volumes claimed by all instances (data and WAL).</summary>
    public double TotalDiskGiB => Instances * (DataGiB + WalGiB);

    private static double Quantity(IDictionary<string, ResourceQuantity>? requests, string name) =>
        requests is not null && requests.TryGetValue(name, out var q) ? (double)q.ToDecimal() : 0;

    private static double Size(string? size) => size is null ? 0 : (double)new ResourceQuantity(size).ToDecimal() / GiB;
}
