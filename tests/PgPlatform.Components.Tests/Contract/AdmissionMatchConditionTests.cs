using System.Text.Json.Nodes;
using k8s.Models;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Testing.Cel;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// What the operators create in application namespaces (CNPG's Services and Secrets, External Secrets' synced Secrets)
/// is not a submitted manifest: the admission policies that would match it let the operators' requests through, and
/// only theirs. The match condition runs in a real CEL engine with the request the API server would pass.
/// </summary>
public sealed class AdmissionMatchConditionTests
{
    private static V1ValidatingAdmissionPolicy Policy(string ruleId) =>
        AdmissionPolicies.Render(ContractRules.All, "production").OfType<V1ValidatingAdmissionPolicy>().Single(p => p.Metadata.Name == $"{ruleId.ToLowerInvariant()}.pg-platform.io");

    [Theory]
    [InlineData("PGP010", "system:serviceaccount:cnpg-system:cloudnative-pg", false)]
    [InlineData("PGP010", "system:serviceaccount:external-secrets:external-secrets", false)]
    [InlineData("PGP010", "system:serviceaccount:argocd:argocd-application-controller", true)]
    [InlineData("PGP010", "pg-platform-delivery", true)]
    [InlineData("PGP012", "system:serviceaccount:cnpg-system:cloudnative-pg", false)]
    [InlineData("PGP012", "system:serviceaccount:kube-system:generic-garbage-collector", false)]
    [InlineData("PGP012", "alice@example.com", true)]
    [InlineData("PGP021", "system:serviceaccount:cnpg-system:cloudnative-pg", false)]
    [InlineData("PGP021", "system:serviceaccount:argocd:argocd-application-controller", true)]
    public void OnlyTheOperatorsRequestsAreLeftOut(string ruleId, string username, bool judged)
    {
        var condition = Assert.Single(Policy(ruleId).Spec.MatchConditions);
        var request = new JsonObject { ["userInfo"] = new JsonObject { ["username"] = username } };

        var result = CelEvaluator.Shared.Evaluate(condition.Expression, new Dictionary<string, JsonNode?> { ["request"] = request });

        Assert.True(result.Error is null, result.Error);
        Assert.Equal(judged, result.Value);
    }
}
