using PgPlatform.Components.Tiers;

namespace PgPlatform.Stacks.Targets;

/// <summary>Platform facts every evidence record carries.</summary>
/// <param name="OperatorVersion">What manages the cluster, with its version (<c>patroni 3.0.2</c>, a CNPG version).</param>
/// <param name="PostgresImage">The PostgreSQL image or build (<c>postgresql 15.18 (Debian)</c>).</param>
/// <param name="StorageClass">Where data lives (<c>local disk</c>, a Kubernetes storage class).</param>
/// <param name="Replication">The declared replication, which decides how many acknowledged rows a failover may lose; null when unknown (then none may be lost).</param>
/// <param name="Tier">The tier the cluster is shaped after (<c>production</c>, or <c>lab</c>); null when unknown.</param>
public sealed record TargetFacts(string OperatorVersion, string PostgresImage, string StorageClass, ReplicationDurability? Replication = null, string? Tier = null);
