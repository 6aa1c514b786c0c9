namespace PgPlatform.Stacks.Targets;

/// <summary>One alert of one notification the receiver got from Alertmanager.</summary>
/// <param name="Name">The alert name.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">Its labels.</param>
/// <param name="Summary">Its rendered summary annotation (empty when it has none).</param>
/// <param name="ReceivedAt">When the receiver got the notification.</param>
public sealed record AlertDelivery(string Name, string Status, IReadOnlyDictionary<string, string> Labels, string Summary, DateTimeOffset ReceivedAt);
