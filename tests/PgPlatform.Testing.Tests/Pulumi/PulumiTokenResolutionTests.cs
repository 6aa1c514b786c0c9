using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Testing.Tests.Pulumi;

public sealed class PulumiTokenResolutionTests
{
    [Theory]
    [InlineData("foo:Bar", "foo:Bar|foo:index:Bar|foo:index/bar:Bar")]
    [InlineData("foo:mod:Bar", "foo:mod:Bar|foo:mod/bar:Bar")]
    [InlineData("foo:mod/bar:Bar", "foo:mod/bar:Bar")]
    [InlineData("pulumi:providers:kubernetes", "pulumi:providers:kubernetes")]
    public void CandidatesFollowPulumiYamlResolution(string token, string expected)
    {
        Assert.Equal(expected.Split('|'), PulumiSchemaCatalog.Candidates(token));
    }

    [Theory]
    [InlineData("azure-native:keyvault:Vault")]
    [InlineData("azure-native:keyvault/v20230201:Vault")]
    [InlineData("kubernetes:core/v1:Secret")]
    [InlineData("kubernetes:helm.sh/v3:Release")]
    [InlineData("kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy")]
    [InlineData("pulumi:providers:kubernetes")]
    [InlineData("pulumi:providers:random")]
    [InlineData("random:RandomString")]
    public void KnownTokensResolve(string token)
    {
        var catalog = PulumiSchemaCatalog.Load(Path.Combine(SharedSchemas.Root, "pulumi"));

        Assert.NotNull(catalog.ResolveResource(token));
    }

    [Fact]
    public void DerivedKubernetesInputsWinOverTheOldSchema()
    {
        var catalog = PulumiSchemaCatalog.Load(Path.Combine(SharedSchemas.Root, "pulumi"));

        var release = catalog.ResolveResource("kubernetes:helm.sh/v3:Release")!;
        var provider = catalog.ResolveResource("pulumi:providers:kubernetes")!;

        Assert.Contains("takeOwnership", release.Inputs.Keys);
        Assert.Contains("chart", release.Required);
        Assert.Contains("clusterIdentifier", provider.Inputs.Keys);
        Assert.False(release.ChecksNestedTypes);
    }
}
