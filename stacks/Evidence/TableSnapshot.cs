namespace PgPlatform.Stacks.Evidence;

/// <summary>What a drill table holds, read from one cluster: row count, last row and a checksum over every row.</summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="LastId">The highest id, 0 when empty.</param>
/// <param name="LastAt">When the highest id was written; null when empty.</param>
/// <param name="Checksum">md5 over every row in id order.</param>
public sealed record TableSnapshot(long Rows, long LastId, DateTimeOffset? LastAt, string Checksum);
