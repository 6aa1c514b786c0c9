using PgPlatform.Components.Model;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>The top-level folders of the GitOps tree and which object groups each holds.</summary>
public static class GitOpsFolder
{
    /// <summary><c>databases/</c>: the namespace and the database contract.</summary>
    public const string Databases = "databases";

    /// <summary><c>apps/</c>: the application workload.</summary>
    public const string Apps = "apps";

    /// <summary>The folder an object group is written to; null for platform objects, which day-0 deploys.</summary>
    public static string? For(ObjectGroup group) => group switch
    {
        ObjectGroup.Application => Apps,
        ObjectGroup.Platform or ObjectGroup.Access => null,
        _ => Databases,
    };
}
