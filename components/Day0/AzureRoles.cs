namespace PgPlatform.Components.Day0;

/// <summary>Azure built-in role definition ids (the same in every tenant).</summary>
public static class AzureRoles
{
    /// <summary>Key Vault Secrets User: read secret values.</summary>
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    /// <summary>Key Vault Secrets Officer: write secrets (the deploying principal stores generated passwords).</summary>
    public const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    /// <summary>Storage Blob Data Contributor: read and write blobs.</summary>
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    /// <summary>Storage Blob Data Reader: read blobs (a restored cluster reads its source's backups).</summary>
    public const string StorageBlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";

    /// <summary>The full role definition id in <paramref name="subscriptionId"/>.</summary>
    public static string Definition(string subscriptionId, string role) =>
        $"/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{role}";
}
