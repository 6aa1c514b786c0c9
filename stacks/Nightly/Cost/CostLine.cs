namespace PgPlatform.Stacks.Nightly.Cost;

/// <summary>What a group of databases (one tier, or one team) holds.</summary>
/// <param name="Group"><c>tier</c> or <c>team</c>.</param>
/// <param name="Name">The tier or team.</param>
/// <param name="Databases">Databases in the group.</param>
/// <param name="CpuCores">CPU requested by all their instances.</param>
/// <param name="MemoryGiB">Memory requested by all their instances.</param>
/// <param name="DiskGiB">Data and WAL volumes of all their instances.</param>
/// <param name="BackupGiB">Backup storage, upper bound: one declared data volume per base backup inside the recovery window.</param>
/// <param name="DrillHoursPerWeek">Drill-hours a week the nightly spends on them at their objectives.</param>
public sealed record CostLine(string Group, string Name, int Databases, double CpuCores, double MemoryGiB, double DiskGiB, double BackupGiB, double DrillHoursPerWeek);
