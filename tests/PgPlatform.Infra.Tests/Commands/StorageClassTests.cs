using System.Text.Json.Nodes;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Every storage class a Cluster's volumes name exists: the stack creates it, or its base environment's stack does (an
/// ephemeral drill or restore stack deploys no foundation). A class nobody creates leaves the volumes Pending, and the
/// drill times out.
/// </summary>
public sealed class StorageClassTests
{
    private static IEnumerable<string> Created(JsonObject program) =>
        SynthesizedRepository.ProgramObjects(program).Where(o => (string?)o["kind"] == "StorageClass").Select(o => (string)o["metadata"]!["name"]!);

    private static IEnumerable<string> Named(List<JsonObject> objects) =>
        objects.Where(o => (string?)o["kind"] == "Cluster")
            .SelectMany(c => new[] { c["spec"]!["storage"]?["storageClass"], c["spec"]!["walStorage"]?["storageClass"] })
            .Where(n => n is not null).Select(n => (string)n!);

    [Theory]
    [MemberData(nameof(StackPrograms.Names), MemberType = typeof(StackPrograms))]
    public void Every_storage_class_a_cluster_names_is_created_by_the_stack_or_its_base_environment(string baseStack, string stack)
    {
        var program = StackPrograms.Program(StackPrograms.Settings(baseStack, stack));
        var created = Created(program).Concat(Created(StackPrograms.Program(StackPrograms.Settings(baseStack, baseStack)))).ToHashSet(StringComparer.Ordinal);

        var named = Named(StackPrograms.AllDelivered(StackPrograms.Settings(baseStack, stack))).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.True(created.Contains(name), $"{stack}: storage class '{name}' is created by neither {stack} nor {baseStack} ({string.Join(", ", created)})"));
    }
}
