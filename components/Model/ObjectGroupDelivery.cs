namespace PgPlatform.Components.Model;

/// <summary>Which engine delivers the objects of each <see cref="ObjectGroup"/>: Pulumi, or Argo CD from the GitOps tree.</summary>
public static class ObjectGroupDelivery
{
    /// <summary>
    /// True for the groups Pulumi deploys in a stack of <paramref name="delivery"/>: platform, namespace and access objects
    /// always (the access objects carry deploy-time values and live in the namespace, and Argo CD's Applications do not
    /// create namespaces), database and application objects under <see cref="Delivery.Pulumi"/>. Only Pulumi-delivered
    /// objects may hold a value that exists after deployment (an <see cref="OutputReference"/>), because Pulumi resolves
    /// it; every other object is delivered from the GitOps tree, which can only carry what is known at synthesis.
    /// </summary>
    public static bool IsDeliveredByPulumi(this ObjectGroup group, Delivery delivery) =>
        delivery == Delivery.Pulumi || group is ObjectGroup.Platform or ObjectGroup.Namespace or ObjectGroup.Access;
}
