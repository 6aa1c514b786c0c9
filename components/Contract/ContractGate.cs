using PgPlatform.Components.Model;

namespace PgPlatform.Components.Contract;

/// <summary>The synthesis gate: a model that breaks the contract is never synthesized.</summary>
public static class ContractGate
{
    /// <summary>The model's Kubernetes objects as manifests (source <c>model:&lt;logical name&gt;</c>).</summary>
    public static IReadOnlyList<Manifest> Manifests(IEnumerable<KubernetesObjectResource> objects) =>
        objects.Select(o => new Manifest(o.ToJson(), $"model:{o.Name}", 0)).ToList();

    /// <summary>
    /// Throws <see cref="ContractViolationException"/> when any rule is broken. Every rule looks across
    /// objects of one namespace only, and an application's objects share one, so applications are checked
    /// one by one (on every core), which keeps large fleets' memory bounded.
    /// </summary>
    public static void Enforce(ResourceModel model)
    {
        var violations = model.KubernetesObjects
            .GroupBy(o => o.Application)
            .AsParallel().AsOrdered()
            .SelectMany(app => ContractChecker.Check(Manifests(app)))
            .ToList();
        if (violations.Count > 0)
        {
            throw new ContractViolationException(violations);
        }
    }
}
