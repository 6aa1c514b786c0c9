using PgPlatform.Components.Model;

namespace PgPlatform.Components.Contract;

/// <summary>The synthesis gate: a model that breaks the contract is never synthesized.</summary>
public static class ContractGate
{
    /// <summary>The model's Kubernetes objects as manifests (source <c>model:&lt;logical name&gt;</c>).</summary>
    public static IReadOnlyList<Manifest> Manifests(ResourceModel model) =>
        model.KubernetesObjects.Select(o => new Manifest(o.ToJson(), $"model:{o.Name}", 0)).ToList();

    /// <summary>Throws <see cref="ContractViolationException"/> when any rule is broken.</summary>
    public static void Enforce(ResourceModel model)
    {
        var violations = ContractChecker.Check(Manifests(model));
        if (violations.Count > 0)
        {
            throw new ContractViolationException(violations);
        }
    }
}
