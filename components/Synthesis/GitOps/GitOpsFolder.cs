using PgPlatform.Components.Model;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>Which top-level folder of the GitOps tree (<see cref="GitOpsLayout"/>) holds each object group.</summary>
public static class GitOpsFolder
{
    /// <summary>The folder an object group of a stack of <paramref name="delivery"/> is written to; null for the groups Pulumi deploys.</summary>
    public static string? For(ObjectGroup group, Delivery delivery) =>
        group.IsDeliveredByPulumi(delivery) ? null : group == ObjectGroup.Application ? GitOpsLayout.Apps : GitOpsLayout.Databases;
}
