namespace PgPlatform.Stacks.Targets;

/// <summary>One base backup in the object store.</summary>
/// <param name="Id">Its identifier (barman's backup id, the Backup object's name).</param>
/// <param name="BeginWal">The WAL file recovery from it starts at.</param>
/// <param name="EndWal">The WAL file it is consistent at.</param>
/// <param name="EndTime">When it finished.</param>
public sealed record BackupInfo(string Id, string BeginWal, string EndWal, DateTimeOffset EndTime);
