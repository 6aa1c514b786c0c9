using k8s.Models;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Enforcement;

/// <summary>
/// Renders every rule that has a <see cref="CelValidation"/> as a ValidatingAdmissionPolicy and its binding
/// (admissionregistration.k8s.io/v1), so the cluster enforces what synthesis and <c>check</c> enforce.
/// Bindings select the namespaces pg-platform manages and deny violating requests.
/// </summary>
public static class AdmissionPolicies
{
    /// <summary>Namespaces carrying this label are guarded by the policies.</summary>
    public static readonly KeyValuePair<string, string> NamespaceSelector = new(PlatformLabels.ManagedBy, PlatformLabels.ManagedByValue);

    /// <summary>Policy and binding name of <paramref name="rule"/>.</summary>
    public static string NameOf(ContractRule rule) => $"{rule.Id.ToLowerInvariant()}.pg-platform.io";

    /// <summary>The policies and bindings, in rule order, labelled like every other object.</summary>
    public static IReadOnlyList<object> Render(IReadOnlyList<ContractRule> rules, string tier)
    {
        var objects = new List<object>();
        foreach (var rule in rules.Where(r => r.Cel is not null))
        {
            var cel = rule.Cel!;
            var labels = new Dictionary<string, string>
            {
                [PlatformLabels.Name] = PlatformLabels.PlatformApplication,
                [PlatformLabels.Component] = "admission",
                [PlatformLabels.ManagedBy] = PlatformLabels.ManagedByValue,
                [PlatformLabels.Team] = PlatformLabels.PlatformTeam,
                [PlatformLabels.Tier] = tier,
                ["pg-platform.io/rule"] = rule.Id,
            };
            objects.Add(new V1ValidatingAdmissionPolicy
            {
                ApiVersion = "admissionregistration.k8s.io/v1",
                Kind = "ValidatingAdmissionPolicy",
                Metadata = new V1ObjectMeta { Name = NameOf(rule), Labels = labels, Annotations = new Dictionary<string, string> { ["pg-platform.io/title"] = rule.Title } },
                Spec = new V1ValidatingAdmissionPolicySpec
                {
                    FailurePolicy = "Fail",
                    MatchConstraints = new V1MatchResources
                    {
                        ResourceRules = cel.Resources.GroupBy(r => (r.Group, r.Version)).Select(g => new V1NamedRuleWithOperations
                        {
                            ApiGroups = [g.Key.Group],
                            ApiVersions = [g.Key.Version],
                            Operations = ["CREATE", "UPDATE"],
                            Resources = [.. g.Select(r => r.Resource)],
                        }).ToList(),
                    },
                    MatchConditions = cel.MatchCondition is null ? null : [new V1MatchCondition { Name = "not-an-operator", Expression = cel.MatchCondition }],
                    Validations = [new V1Validation { Expression = cel.Expression, Message = cel.Message, Reason = "Invalid" }],
                },
            });
            objects.Add(new V1ValidatingAdmissionPolicyBinding
            {
                ApiVersion = "admissionregistration.k8s.io/v1",
                Kind = "ValidatingAdmissionPolicyBinding",
                Metadata = new V1ObjectMeta { Name = NameOf(rule), Labels = new Dictionary<string, string>(labels) },
                Spec = new V1ValidatingAdmissionPolicyBindingSpec
                {
                    PolicyName = NameOf(rule),
                    ValidationActions = ["Deny"],
                    MatchResources = new V1MatchResources
                    {
                        NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { [NamespaceSelector.Key] = NamespaceSelector.Value } },
                    },
                },
            });
        }

        return objects;
    }
}
