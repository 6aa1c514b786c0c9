namespace PgPlatform.Components.Vocabulary;

/// <summary>
/// The layout of the GitOps tree: the ApplicationSets day-0 declares point at it and the GitOps synthesizer writes it,
/// so both read the folder names from here.
/// </summary>
public static class GitOpsLayout
{
    /// <summary><c>databases/</c>: each application's namespace and database contract.</summary>
    public const string Databases = "databases";

    /// <summary><c>apps/</c>: each application's workload.</summary>
    public const string Apps = "apps";

    /// <summary><c>argocd/</c>: each environment's ApplicationSets.</summary>
    public const string ArgoCd = "argocd";

    /// <summary>The folder every environment of an application shares.</summary>
    public const string Base = "base";

    /// <summary>The folder holding one overlay per environment.</summary>
    public const string Overlays = "overlays";

    /// <summary>The overlay of <paramref name="app"/> in <paramref name="environment"/> under <paramref name="folder"/>.</summary>
    public static string Overlay(string folder, string app, string environment) => $"{folder}/{app}/{Overlays}/{environment}";

    /// <summary>The glob matching every application's overlay of <paramref name="environment"/> under <paramref name="folder"/>.</summary>
    public static string EveryOverlay(string folder, string environment) => Overlay(folder, "*", environment);
}
