using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Synthesis.Pulumi;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Synthesis;

public sealed class PulumiProgramSynthesizerTests
{
    [Fact]
    public void AResourceNamedLikeTheKubernetesProviderIsADeclarationErrorNotAProgramWithTheNameTwice()
    {
        var model = new ResourceModel();
        model.Add(new PulumiResource(PulumiProgramSynthesizer.KubernetesProvider, "random:RandomPassword", new Dictionary<string, object?> { ["length"] = 32 }));

        var e = Assert.Throws<DeclarationException>(() => PulumiProgramSynthesizer.Synthesize(model, new PulumiProgramOptions { Stack = "prod", KubeContext = "ctx" }));

        Assert.Contains($"'{PulumiProgramSynthesizer.KubernetesProvider}'", e.Message);
    }

    [Fact]
    public void TheProgramListsTheProviderThenThePulumiResourcesThenTheUnitsAndItsOutputs()
    {
        var model = new ResourceModel { Delivery = Delivery.Pulumi };
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Development, "dev"));

        var program = SynthesizedProgram.Of(model, "dev");

        var names = program["resources"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(PulumiProgramSynthesizer.KubernetesProvider, names[0]);
        var pulumi = model.Resources.OfType<PulumiResource>().Select(r => r.Name).ToList();
        Assert.Equal(pulumi, names.Skip(1).Take(pulumi.Count));
        Assert.Equal(["shop-namespace", "shop-database", "shop-application"], names.Skip(1 + pulumi.Count));
        Assert.Equal("shop-db-rw.shop-dev.svc", (string?)program["outputs"]!["shop-rw-host"]);
    }

    [Fact]
    public void UnderGitOpsDeliveryTheProgramLeavesTheDatabaseAndApplicationUnitsToArgoCd()
    {
        var model = new ResourceModel { Delivery = Delivery.GitOps };
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Development, "dev"));

        var program = SynthesizedProgram.Of(model, "dev");

        var pulumi = model.Resources.OfType<PulumiResource>().Count();
        Assert.Equal(["shop-namespace"], program["resources"]!.AsObject().Select(p => p.Key).Skip(1 + pulumi));
    }

    [Fact]
    public void IgnoredPropertiesAreTheResourcesIgnoreChangesOptionAndTheCheckerAcceptsTheRotatedKeyVaultValues()
    {
        var model = new ResourceModel { Delivery = Delivery.Pulumi };
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Development, "dev"));

        var program = SynthesizedProgram.Of(model, "dev");

        var resources = program["resources"]!.AsObject();
        var ignoring = resources.Where(r => r.Value!["options"]?["ignoreChanges"] is not null)
            .Select(r => (r.Key, Paths: string.Join(",", r.Value!["options"]!["ignoreChanges"]!.AsArray().Select(p => (string?)p)))).ToList();
        Assert.Equal([("shop-dev-login-a-password-kv", DatabaseLogins.RotatedVaultProperty), ("shop-dev-login-b-password-kv", DatabaseLogins.RotatedVaultProperty), ("shop-dev-active-login-kv", DatabaseLogins.RotatedVaultProperty)], ignoring);
        Assert.Empty(PgPlatform.Testing.Pulumi.PulumiProgramValidator.Shared.Validate(program));
    }
}
