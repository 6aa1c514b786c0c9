namespace PgPlatform.Stacks.Nightly.Scheduling;

/// <summary>Cluster resources one drill holds while it runs: the drilled cluster's instances plus its restore cluster.</summary>
/// <param name="CpuCores">CPU requested, in cores.</param>
/// <param name="MemoryGiB">Memory requested, in GiB.</param>
/// <param name="DiskGiB">Volumes claimed (data and WAL), in GiB.</param>
public sealed record DrillFootprint(double CpuCores, double MemoryGiB, double DiskGiB)
{
    /// <summary>Nothing.</summary>
    public static readonly DrillFootprint None = new(0, 0, 0);

    /// <summary>The sum of two footprints.</summary>
    public static DrillFootprint operator +(DrillFootprint a, DrillFootprint b) =>
        new(a.CpuCores + b.CpuCores, a.MemoryGiB + b.MemoryGiB, a.DiskGiB + b.DiskGiB);

    /// <summary>The sum of two footprints.</summary>
    public static DrillFootprint Add(DrillFootprint a, DrillFootprint b) => a + b;

    /// <summary>The larger of each resource.</summary>
    public DrillFootprint Max(DrillFootprint other) =>
        new(Math.Max(CpuCores, other.CpuCores), Math.Max(MemoryGiB, other.MemoryGiB), Math.Max(DiskGiB, other.DiskGiB));
}
