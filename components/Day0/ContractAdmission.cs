using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Day0;

/// <summary>The contract's admission policies and bindings as platform objects of the model.</summary>
public static class ContractAdmission
{
    /// <summary>Adds a policy and binding for every single-object rule.</summary>
    public static void Add(IComponentScope scope, TierProfile tier)
    {
        foreach (var obj in AdmissionPolicies.Render(ContractRules.All, tier.Name))
        {
            PlatformObjects.AddToModel(scope, "admission", obj, []);
        }
    }
}
