namespace PgPlatform.Components.Model;

/// <summary>
/// Who applies a stack's database and application objects (<c>pg-platform:delivery</c>). Each object has exactly one
/// deliverer: Argo CD's self-heal and prune would revert or delete what Pulumi applied, and the two would fight over
/// field ownership. Day-0, the namespaces and the access objects are Pulumi's either way.
/// </summary>
public enum Delivery
{
    /// <summary>Argo CD applies the GitOps tree's database and application units; Pulumi deploys day-0, access objects and the ApplicationSets.</summary>
    GitOps,

    /// <summary>Pulumi deploys everything; the stack has no ApplicationSets (ephemeral drill stacks, clusters without Argo CD).</summary>
    Pulumi,
}
