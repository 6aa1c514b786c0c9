namespace PgPlatform.Stacks.Tests;

/// <summary>Writes valid stack files (the shape of the committed <c>Pulumi.dev.yaml</c>) for tests that need a project of their own.</summary>
internal static class StackFiles
{
    /// <summary>
    /// Writes <c>Pulumi.&lt;<paramref name="stack"/>&gt;.yaml</c> into <paramref name="projectDirectory"/>, a development stack
    /// deploying <paramref name="databases"/>: each a bare application name or a YAML flow mapping (<c>{name: wikijs, storageSize: 5Gi}</c>).
    /// </summary>
    public static void Write(string projectDirectory, string stack, params string[] databases)
    {
        var entries = databases.Select(d => d.StartsWith('{') ? $"    - {d}" : $"    - name: {d}");
        File.WriteAllText(Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml"), $"""
            config:
              pg-platform:tier: development
              pg-platform:kubeContext: aks-dev-weu
              azure-native:location: westeurope
              azure-native:subscriptionId: 3f2c8a51-7d4e-4b0a-9c61-2e8f5d7b9a10
              azure-native:tenantId: 8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3
              pg-platform:oidcIssuerUrl: https://westeurope.oic.prod-aks.azure.com/8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3/5b0a7c2e-91d4-4e8b-b6f3-0c2d8a9e1f47/
              pg-platform:resourceGroup: rg-pg-platform-dev
              pg-platform:keyVaultName: kv-pgp-dev
              pg-platform:backupStorageAccount: stpgpdevbackups
              pg-platform:gitopsRepoUrl: https://git.example.com/platform/gitops.git
              pg-platform:databases:

            """ + string.Join("\n", entries) + "\n");
    }
}
