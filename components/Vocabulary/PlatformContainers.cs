namespace PgPlatform.Components.Vocabulary;

/// <summary>Blob containers the platform itself keeps in an environment's backup storage account (the applications' backup containers are <see cref="DatabaseNames"/>').</summary>
public static class PlatformContainers
{
    /// <summary>Drill evidence: one JSON and one Markdown record per database per nightly run, written (never overwritten) by the drill driver's identity, read back by the next night's scheduler.</summary>
    public const string DrillEvidence = "drill-evidence";

    /// <summary>The URL of <see cref="DrillEvidence"/> in <paramref name="storageAccount"/> (what <c>nightly --evidence</c> takes).</summary>
    public static Uri DrillEvidenceUri(string storageAccount) => new($"https://{storageAccount}.blob.core.windows.net/{DrillEvidence}");
}
