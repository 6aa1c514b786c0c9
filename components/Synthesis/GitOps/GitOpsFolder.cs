using PgPlatform.Components.Model;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>Which top-level folder of the GitOps tree (<see cref="GitOpsLayout"/>) holds each object group.</summary>
public static class GitOpsFolder
{
    /// <summary>The folder an object group is written to; null for the groups Pulumi deploys (platform, access).</summary>
    public static string? For(ObjectGroup group) =>
        group.IsDeliveredByPulumi() ? null : group == ObjectGroup.Application ? GitOpsLayout.Apps : GitOpsLayout.Databases;
}
