using PgPlatform.Testing;

namespace PgPlatform.Components.Tests.Architecture;

/// <summary>
/// Data flows one way, declare -> model -> check -> synthesize: the folders of <c>components/</c> use each other
/// without a loop, the contract does not read the components it polices, and no component reaches into synthesis.
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Components = new(() => FolderGraph.Read(Path.Combine(SharedSchemas.RepoRoot, "components")));

    private static void AssertAcyclic(FolderGraph graph)
    {
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "folder dependency cycles:\n" + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void TopFoldersUseEachOtherWithoutACycle() => AssertAcyclic(Components.Value.TopLevel());

    [Theory]
    [InlineData("stacks", "PgPlatform.Stacks", 10)]
    [InlineData("infra", "PgPlatform.Infra", 3)]
    public void TheFoldersOfTheDrillLibraryAndTheProgramUseEachOtherWithoutACycle(string project, string rootNamespace, int atLeast)
    {
        var graph = FolderGraph.Read(Path.Combine(SharedSchemas.RepoRoot, project), rootNamespace);

        Assert.True(graph.Edges.Count >= atLeast, $"{project}: only {graph.Edges.Count} folder dependencies found; is {rootNamespace} its root namespace?");
        AssertAcyclic(graph.TopLevel());
        AssertAcyclic(graph);
    }

    [Fact]
    public void FoldersAndTheirSubfoldersUseEachOtherWithoutACycle() => AssertAcyclic(Components.Value);

    [Theory]
    [InlineData("Contract", "Day0")]
    [InlineData("Contract", "Day2")]
    [InlineData("Contract", "Synthesis")]
    [InlineData("Contract", "Declaration")]
    [InlineData("Day0", "Synthesis")]
    [InlineData("Day2", "Synthesis")]
    [InlineData("Day2", "Day0")]
    public void AFolderDoesNotUseAFolderDownstreamOfIt(string folder, string downstream)
    {
        var graph = Components.Value.TopLevel();

        Assert.False(graph.Edges.TryGetValue((folder, downstream), out var file), $"{folder} uses {downstream} in {file}");
    }

    [Fact]
    public void TheVocabularyUsesNoOtherFolder() => Assert.Empty(Components.Value.TopLevel().UsedBy("Vocabulary"));

    [Fact]
    public void TheGraphSeesUsingsQualifiedNamesAndTypesOfEnclosingNamespaces()
    {
        var edges = Components.Value.Edges;

        Assert.Contains(("Day2", "Vocabulary"), edges.Keys);
        Assert.Contains(("Contract/Rules", "Contract"), edges.Keys);
        Assert.Contains(("Contract/Enforcement", "Contract/Rules"), edges.Keys);
        Assert.Contains(("Synthesis/GitOps", "Synthesis"), edges.Keys);
    }

    [Fact]
    public void ACycleIsReportedWithTheFilesThatMakeIt()
    {
        var graph = FolderGraph.FromSources(
        [
            ("A/One.cs", "using PgPlatform.Components.B;\n\nnamespace PgPlatform.Components.A;\n\npublic sealed class One { private Two? _two; }\n"),
            ("B/Two.cs", "namespace PgPlatform.Components.B;\n\npublic sealed class Two { private C.Three? _three; }\n"),
            ("C/Three.cs", "namespace PgPlatform.Components.C;\n\npublic sealed class Three { private PgPlatform.Components.A.One? _one; }\n"),
            ("C/Sub/Four.cs", "namespace PgPlatform.Components.C.Sub;\n\npublic sealed class Four { private Three? _three; }\n"),
            ("D/Five.cs", "namespace PgPlatform.Components.D;\n\npublic sealed class Five { public int Model => 1; private int X => Model.GetHashCode(); }\n"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal("A -> B -> C -> A (A -> B in A/One.cs; B -> C in B/Two.cs; C -> A in C/Three.cs)", graph.Describe(cycle));
        Assert.Contains(("C/Sub", "C"), graph.Edges.Keys);
        Assert.Empty(graph.UsedBy("D"));
    }
}
