namespace PgPlatform.Testing.Tests;

public sealed class SharedSchemasTests
{
    [Fact]
    public void RootHoldsTheSchemaFolders()
    {
        Assert.True(Path.IsPathFullyQualified(SharedSchemas.Root));
        Assert.True(Directory.Exists(Path.Combine(SharedSchemas.Root, "crds")));
        Assert.True(Directory.Exists(Path.Combine(SharedSchemas.Root, "kubernetes")));
        Assert.True(Directory.Exists(Path.Combine(SharedSchemas.Root, "pulumi")));
    }

    [Fact]
    public void RepoRootHoldsTheSolution()
    {
        Assert.True(File.Exists(Path.Combine(SharedSchemas.RepoRoot, "Infra.sln")));
    }

    [Fact]
    public void SearchWalksUpToASharedFolderBesideTheRepo()
    {
        using var tree = new TempTree();
        var schemas = tree.Create("shared/schemas/crds");
        var start = tree.Create("repo/tests/X/bin/Debug/net10.0");

        Assert.Equal(Path.GetDirectoryName(schemas), SharedSchemas.Resolve(null, start));
    }

    [Fact]
    public void OverrideWins()
    {
        using var tree = new TempTree();
        var schemas = Path.GetDirectoryName(tree.Create("elsewhere/schemas/crds"))!;

        Assert.Equal(schemas, SharedSchemas.Resolve(schemas, tree.Create("unrelated")));
    }

    [Fact]
    public void OverrideWithoutCrdsFailsClearly()
    {
        using var tree = new TempTree();
        var error = Assert.Throws<DirectoryNotFoundException>(() => SharedSchemas.Resolve(tree.Create("empty"), tree.Root));

        Assert.Contains(SharedSchemas.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSchemasFailClearly()
    {
        using var tree = new TempTree();
        var error = Assert.Throws<DirectoryNotFoundException>(() => SharedSchemas.Resolve(null, tree.Create("a/b")));

        Assert.Contains("shared/schemas/crds", error.Message, StringComparison.Ordinal);
        Assert.Contains(SharedSchemas.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSolutionFailsClearly()
    {
        using var tree = new TempTree();

        Assert.Throws<DirectoryNotFoundException>(() => SharedSchemas.FindRepoRoot(tree.Create("a")));
    }
}
