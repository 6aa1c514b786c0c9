namespace PgPlatform.Stacks.Ephemeral;

/// <summary>The <c>pulumi</c> CLI is not installed (not on PATH, or not at the configured path).</summary>
public sealed class PulumiNotFoundException(string searched)
    : Exception($"the pulumi CLI was not found ({searched}). Install it (https://www.pulumi.com/docs/install/, e.g. 'curl -fsSL https://get.pulumi.com | sh') and put it on PATH, or pass its path")
{
    /// <summary>Where to get the CLI.</summary>
    public const string InstallUrl = "https://www.pulumi.com/docs/install/";
}
