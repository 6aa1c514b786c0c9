using k8s.Models;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tests.Day0;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>The synthesis gate runs every rule over the model, including the ones that only the model can answer (who delivers an object).</summary>
public sealed class ContractGateTests
{
    private static ResourceModel ModelWith(ObjectGroup group)
    {
        var model = new ResourceModel();
        model.Add(new KubernetesObjectResource("sa", "shop", group, new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta
            {
                Name = "shop-db",
                NamespaceProperty = "shop-prod",
                Labels = new Dictionary<string, string> { [PlatformLabels.Name] = "shop", [PlatformLabels.Team] = "team-a", [PlatformLabels.Tier] = "production" },
                Annotations = new Dictionary<string, string> { ["azure.workload.identity/client-id"] = new OutputReference("shop-identity", "clientId").Embed() },
            },
        }));
        return model;
    }

    [Fact]
    public void AnObjectOfTheGitOpsTreeHoldingADeployTimeValueStopsSynthesisAsAViolation()
    {
        var e = Assert.Throws<ContractViolationException>(() => ContractGate.Enforce(ModelWith(ObjectGroup.Database)));

        var violation = Assert.Single(e.Violations);
        Assert.Equal(
            "PGP018 ServiceAccount/shop-prod/shop-db metadata.annotations['azure.workload.identity/client-id']: '${shop-identity.clientId}' only exists after deployment, "
            + "so the GitOps tree cannot carry it. Fix: deliver the object with Pulumi (ObjectGroup.Platform or ObjectGroup.Access), or set a value known at synthesis",
            violation.ToString());
        Assert.Equal("model:sa", violation.Manifest.Source);
    }

    [Fact]
    public void TheSameObjectDeliveredByPulumiPasses()
    {
        ContractGate.Enforce(ModelWith(ObjectGroup.Access));
        ContractGate.Enforce(ModelWith(ObjectGroup.Platform));
    }

    [Fact]
    public void TheFoundationsDeployTimeValuesAreAllDeliveredByPulumi()
    {
        var model = new FoundationFixture().Model;

        Assert.Contains(model.KubernetesObjects, o => o.Object is V1ServiceAccount { Metadata.Annotations: { } annotations } && annotations.Values.Any(v => v.Contains(OutputReference.EmbedStart, StringComparison.Ordinal)));
        ContractGate.Enforce(model);
    }
}
