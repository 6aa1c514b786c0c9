namespace PgPlatform.Components.Model;

/// <summary>Which engine delivers the objects of each <see cref="ObjectGroup"/>: Pulumi, or Argo CD from the GitOps tree.</summary>
public static class ObjectGroupDelivery
{
    /// <summary>
    /// True for the groups Pulumi deploys (platform and access objects): only their objects may hold a value that exists
    /// after deployment (an <see cref="OutputReference"/>), because Pulumi resolves it. Every other group is delivered
    /// from the GitOps tree, which can only carry what is known at synthesis.
    /// </summary>
    public static bool IsDeliveredByPulumi(this ObjectGroup group) => group is ObjectGroup.Platform or ObjectGroup.Access;
}
