using System.Text;
using System.Text.Json.Nodes;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.ArgoCd;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Synthesis.GitOps;
using PgPlatform.Components.Tests.Day0;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Synthesis;

/// <summary><c>argocd/&lt;env&gt;/</c> is written from the ApplicationSets each environment's model declares, and from nothing else.</summary>
public sealed class ArgoCdFolderTests
{
    private static SortedDictionary<string, byte[]> Tree(ResourceModel model) => GitOpsSynthesizer.Synthesize([new EnvironmentModel("prod", model)]);

    private static JsonNode Read(byte[] yaml) => YamlReader.Read(Encoding.UTF8.GetString(yaml))!;

    [Fact]
    public void EachApplicationSetOfTheModelIsWrittenAsDeclaredAndListedInModelOrder()
    {
        var fixture = new FoundationFixture();
        var declared = fixture.Model.KubernetesObjects.Where(o => o.Object is ApplicationSet).ToList();

        var tree = Tree(fixture.Model);

        Assert.Equal(2, declared.Count);
        foreach (var set in declared)
        {
            var name = ((ApplicationSet)set.Object).Metadata.Name;
            Assert.True(JsonNode.DeepEquals(set.ToJson(), Read(tree[$"argocd/prod/applicationset-{name}.yaml"])), name);
        }

        var resources = Read(tree["argocd/prod/kustomization.yaml"])["resources"]!.AsArray().Select(r => (string?)r).ToList();
        Assert.Equal(["applicationset-databases-prod.yaml", "applicationset-apps-prod.yaml"], resources);
        Assert.Equal(3, tree.Keys.Count(k => k.StartsWith("argocd/", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnApplicationSetAddedToTheModelIsWrittenToo()
    {
        var fixture = new FoundationFixture();
        var extra = (ApplicationSet)fixture.Model.KubernetesObjects.First(o => o.Object is ApplicationSet).Object;
        fixture.Model.Add(new KubernetesObjectResource("extra", "pg-platform", ObjectGroup.Platform, new ApplicationSet
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = "extra-prod", NamespaceProperty = "argocd", Labels = extra.Metadata.Labels },
            Spec = extra.Spec,
        }));

        var tree = Tree(fixture.Model);

        Assert.Contains("argocd/prod/applicationset-extra-prod.yaml", tree.Keys);
        Assert.Equal(3, Read(tree["argocd/prod/kustomization.yaml"])["resources"]!.AsArray().Count);
    }

    [Fact]
    public void AModelWithoutApplicationSetsGetsNoArgoCdFolder()
    {
        var model = new ResourceModel();
        _ = new Application(model, "shop", TestEnvironments.App(TierProfiles.Ephemeral, "prod"));

        var tree = Tree(model);

        Assert.Contains("databases/shop/base/kustomization.yaml", tree.Keys);
        Assert.DoesNotContain(tree.Keys, k => k.StartsWith("argocd/", StringComparison.Ordinal));
    }
}
