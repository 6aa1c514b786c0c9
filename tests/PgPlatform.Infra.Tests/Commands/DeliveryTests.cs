using System.Text.Json.Nodes;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Infra.Platform;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// One deliverer per object: in no stack does the Pulumi program deploy an object that Argo CD also applies from the
/// GitOps tree. GitOps stacks leave databases and applications to Argo CD; Pulumi stacks (the drill driver's
/// ephemeral stacks) deploy them, with no ApplicationSet that could apply them again.
/// </summary>
public sealed class DeliveryTests
{
    private static string Key(JsonObject o) => $"{o["kind"]}/{o["metadata"]?["namespace"]}/{o["metadata"]?["name"]}";

    [Theory]
    [MemberData(nameof(StackPrograms.Names), MemberType = typeof(StackPrograms))]
    public void No_object_is_delivered_twice_and_every_declared_object_once(string baseStack, string stack)
    {
        var settings = StackPrograms.Settings(baseStack, stack);
        var (program, tree) = StackPrograms.Delivered(settings);
        var model = StackSynthesis.Model(settings, ApplicationCatalog.All);

        Assert.Empty(program.Select(Key).Intersect(tree.Select(Key)));
        Assert.Equal(model.KubernetesObjects.Select(o => Key(o.ToJson())).Order(), program.Concat(tree).Select(Key).Order());
        var kinds = program.Select(o => (string?)o["kind"]).ToHashSet();
        if (settings.EffectiveDelivery == Delivery.GitOps)
        {
            Assert.Contains("ApplicationSet", kinds);
            Assert.Contains("Cluster", tree.Select(o => (string?)o["kind"]));
            Assert.DoesNotContain("Cluster", kinds);
            Assert.DoesNotContain("Deployment", kinds);
        }
        else
        {
            Assert.Empty(tree);
            Assert.Contains("Cluster", kinds);
            Assert.DoesNotContain("ApplicationSet", kinds);
            Assert.DoesNotContain("AppProject", kinds);
        }
    }

    [Theory]
    [MemberData(nameof(StackPrograms.Names), MemberType = typeof(StackPrograms))]
    public void The_committed_stacks_deliver_through_git_and_the_drill_stacks_with_pulumi(string baseStack, string stack)
    {
        var expected = stack == baseStack ? Delivery.GitOps : Delivery.Pulumi;

        Assert.Equal(expected, StackPrograms.Settings(baseStack, stack).EffectiveDelivery);
    }

    [Fact]
    public void A_pulumi_delivered_environment_has_no_applicationsets_and_no_overlays_in_the_tree()
    {
        var dev = StackPrograms.Settings("dev", "dev") with { Delivery = Delivery.Pulumi };
        var model = StackSynthesis.Model(dev, ApplicationCatalog.All);
        var (program, tree) = StackPrograms.Delivered(dev);

        Assert.Empty(tree);
        Assert.Contains(program, o => (string?)o["kind"] == "Cluster");
        Assert.DoesNotContain(program, o => (string?)o["kind"] is "ApplicationSet" or "AppProject");
        Assert.DoesNotContain(StackSynthesis.GitOps([(dev, model)]).Keys, k => k.Contains("/overlays/dev/", StringComparison.Ordinal) || k.StartsWith("argocd/dev/", StringComparison.Ordinal));
    }
}
