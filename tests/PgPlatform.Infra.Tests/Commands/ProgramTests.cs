using PgPlatform.Components.Serialization;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Components.Settings;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Infra.Tests.Commands;

public sealed class ProgramTests(SynthesizedRepository repo) : IClassFixture<SynthesizedRepository>
{
    public static TheoryData<string> Stacks => new(SynthesizedRepository.Stacks);

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task CompilePrintsExactlyTheSynthesizedProgram(string stack)
    {
        var config = StackConfigSources.FromStackFile(Path.Combine(SharedSchemas.RepoRoot, $"Pulumi.{stack}.yaml"));
        var environment = new Dictionary<string, string> { ["PULUMI_STACK"] = stack, ["PULUMI_CONFIG"] = StackConfigSources.ToPulumiConfigJson(config) };
        var result = await InfraRunner.RunAsync("compile", environment);
        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(repo.ProgramText(stack), result.Out);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void ProgramValidatesAgainstThePulumiProviderSchemas(string stack)
    {
        var errors = PulumiProgramValidator.Shared.Validate(repo.Program(stack));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryObjectOfTheProgramValidatesAgainstItsSchema(string stack)
    {
        var objects = repo.ProgramObjects(stack);
        Assert.NotEmpty(objects);
        var errors = objects.SelectMany(KubernetesValidator.Validate).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void CustomResourcesGoThroughConfigGroupsAndSecretsAreGeneratedNeverLiteral()
    {
        var program = repo.Program("prod");
        var types = program["resources"]!.AsObject().Select(r => (string?)r.Value!["type"]).ToList();
        Assert.DoesNotContain("kubernetes:apiextensions.k8s.io:CustomResource", types);
        Assert.Contains("kubernetes:yaml/v2:ConfigGroup", types);
        Assert.Contains("random:RandomPassword", types);
        var text = repo.ProgramText("prod");
        Assert.Equal("${linkding-prod-owner-password.result}", (string?)program["resources"]!["linkding-prod-owner-password-kv"]!["properties"]!["properties"]!["value"]);
        Assert.DoesNotContain("kind: Secret\n", text);
        var clusters = SynthesizedRepository.DeliveredObjects("prod").Where(o => (string?)o["kind"] == "Cluster").ToList();
        Assert.Equal(2, clusters.Count);
        Assert.All(clusters, c => Assert.Null(c["spec"]!["backup"]));
        Assert.All(clusters, c => Assert.Null(c["spec"]!["monitoring"]));
    }

    [Fact]
    public void AlertTemplatesKeepTheirDollarsEscapedForPulumi()
    {
        // A Pulumi-delivered stack: under GitOps delivery the database's alerts are Argo CD's, not the program's.
        var text = StackPrograms.ProgramText(StackPrograms.Settings("prod", StackPrograms.DrillStack));
        Assert.Contains("{{ $$labels.pod }}", text);
        Assert.DoesNotContain("{{ $labels.pod }}", text);
    }
}
