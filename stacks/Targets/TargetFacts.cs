namespace PgPlatform.Stacks.Targets;

/// <summary>Platform facts every evidence record carries.</summary>
/// <param name="OperatorVersion">What manages the cluster, with its version (<c>patroni 3.0.2</c>, a CNPG version).</param>
/// <param name="PostgresImage">The PostgreSQL image or build (<c>postgresql 15.18 (Debian)</c>).</param>
/// <param name="StorageClass">Where data lives (<c>local disk</c>, a Kubernetes storage class).</param>
public sealed record TargetFacts(string OperatorVersion, string PostgresImage, string StorageClass);
