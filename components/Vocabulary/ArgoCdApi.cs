namespace PgPlatform.Components.Vocabulary;

/// <summary>Argo CD's API (v3.4; <c>../shared/schemas/crds</c>). The only place these names are spelled.</summary>
public static class ArgoCdApi
{
    /// <summary>API group.</summary>
    public const string Group = "argoproj.io";

    /// <summary>API version.</summary>
    public const string Version = "v1alpha1";

    /// <summary><c>apiVersion</c> of Argo CD objects.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Kind of an Argo CD project.</summary>
    public const string AppProjectKind = "AppProject";

    /// <summary>Kind of a generator of Applications.</summary>
    public const string ApplicationSetKind = "ApplicationSet";

    /// <summary>Plural resource of Applications.</summary>
    public const string Applications = "applications";

    /// <summary>Namespace Argo CD and its Applications live in.</summary>
    public const string Namespace = "argocd";
}
