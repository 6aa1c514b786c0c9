namespace PgPlatform.Testing.Kubernetes;

/// <summary>A Kubernetes group/version/kind; the core group is the empty string.</summary>
internal readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    /// <summary>The apiVersion as written in manifests: <c>v1</c> for the core group, else <c>group/version</c>.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Builds a GVK from a manifest's apiVersion and kind.</summary>
    public static GroupVersionKind FromApiVersion(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        return slash < 0
            ? new GroupVersionKind(string.Empty, apiVersion, kind)
            : new GroupVersionKind(apiVersion[..slash], apiVersion[(slash + 1)..], kind);
    }

    /// <inheritdoc />
    public override string ToString() => $"{ApiVersion} {Kind}";
}
