namespace PgPlatform.Components.Versions;

/// <summary>Every container image the platform library pins; application images are pinned by the declaring organisation.</summary>
public static class ContainerImages
{
    /// <summary>PostgreSQL operand image for CNPG clusters (major 17, pinned minor and build).</summary>
    public const string Postgres = "ghcr.io/cloudnative-pg/postgresql:17.6-standard-bookworm";
}
