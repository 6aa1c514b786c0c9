using Azure.Identity;
using Azure.Storage.Blobs;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>Where the nightly keeps evidence: a container of the platform's storage account, or Azurite's on the embedded target.</summary>
public static class NightlyEvidence
{
    /// <summary>The drill evidence container's name, as day-0 declares it in each environment's backup storage account (components/Day0/AzureBackbone.cs).</summary>
    public const string Container = PlatformContainers.DrillEvidence;

    /// <summary>Environment variable holding a storage connection string (Azurite's, on the embedded target).</summary>
    public const string ConnectionVariable = "PGP_EVIDENCE_CONNECTION_STRING";

    /// <summary>
    /// The store at <paramref name="containerUrl"/> (signed in with <see cref="DefaultAzureCredential"/>: the driver's
    /// identity), else the <see cref="Container"/> container of <paramref name="connectionString"/>, else none. Throws
    /// <see cref="FormatException"/> for a URL that is not an absolute http(s) URL.
    /// </summary>
    public static IEvidenceStore? Open(string? containerUrl, string? connectionString)
    {
        if (!string.IsNullOrEmpty(containerUrl))
        {
            if (!Uri.TryCreate(containerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath.Trim('/').Length == 0)
            {
                throw new FormatException($"--evidence '{containerUrl}' is not a blob container URL; give one like https://<account>.blob.core.windows.net/{Container}");
            }

            return new BlobEvidenceStore(new BlobContainerClient(uri, new DefaultAzureCredential()));
        }

        return string.IsNullOrEmpty(connectionString) ? null : new BlobEvidenceStore(new BlobContainerClient(connectionString, Container));
    }
}
