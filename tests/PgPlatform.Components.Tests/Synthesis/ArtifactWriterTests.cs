using System.Diagnostics;
using PgPlatform.Components.Model;
using PgPlatform.Components.Synthesis;

namespace PgPlatform.Components.Tests.Synthesis;

/// <summary>The output directory is replaced whole or not at all, and never one pg-platform did not write unless forced.</summary>
public sealed class ArtifactWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("artifact-writer-").FullName;

    private string Out => Path.Combine(_root, "out");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void WriteTree(string staging) => ArtifactWriter.WriteFiles(staging, new Dictionary<string, byte[]>
    {
        ["program.yaml"] = "name: new\n"u8.ToArray(),
        ["gitops/apps/linkding/base/deployment.yaml"] = "kind: Deployment\n"u8.ToArray(),
    });

    private static SortedDictionary<string, string> Tree(string dir) => new(
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllText), StringComparer.Ordinal);

    [Fact]
    public void AFailureWhileWritingLeavesTheEarlierOutputAsItWasAndNoStagingBehind()
    {
        ArtifactWriter.Replace(Out, force: false, WriteTree);
        var before = Tree(Out);

        var e = Assert.Throws<IOException>(() => ArtifactWriter.Replace(Out, force: false, staging =>
        {
            File.WriteAllText(Path.Combine(staging, "program.yaml"), "name: half\n");
            throw new IOException("No space left on device");
        }));

        Assert.Equal("No space left on device", e.Message);
        Assert.Equal(before, Tree(Out));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void AFailedFirstWriteLeavesNoDirectoryAtAll()
    {
        Assert.Throws<IOException>(() => ArtifactWriter.Replace(Out, force: false, _ => throw new IOException("disk full")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void AnEarlierOutputIsReplacedWholeAndMarked()
    {
        Directory.CreateDirectory(Out);
        ArtifactWriter.Replace(Out, force: false, staging => File.WriteAllText(Path.Combine(staging, "retired.yaml"), "kind: Deployment\n"));

        ArtifactWriter.Replace(Out, force: false, WriteTree);

        Assert.Equal([ArtifactWriter.Marker, "gitops/apps/linkding/base/deployment.yaml", "program.yaml"], Tree(Out).Keys.Select(k => k.Replace('\\', '/')));
    }

    [Fact]
    public void AForeignDirectoryIsRefusedUntouchedUnlessForced()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "program.yaml"), "mine\n");

        var e = Assert.Throws<DeclarationException>(() => ArtifactWriter.Replace(Out, force: false, WriteTree));

        Assert.Contains($"{Out} exists, is not empty and was not written by pg-platform (no {ArtifactWriter.Marker} in it)", e.Message, StringComparison.Ordinal);
        Assert.Contains("--force", e.Message, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(Out, "program.yaml")));
        Assert.Single(Directory.EnumerateFileSystemEntries(Out));

        ArtifactWriter.Replace(Out, force: true, WriteTree);

        Assert.Equal("name: new\n", File.ReadAllText(Path.Combine(Out, "program.yaml")));
        Assert.True(File.Exists(Path.Combine(Out, ArtifactWriter.Marker)));
    }

    [Fact]
    public void TheLayoutEarlierVersionsWroteCountsAsWrittenByPgPlatform()
    {
        Directory.CreateDirectory(Path.Combine(Out, "gitops"));
        File.WriteAllText(Path.Combine(Out, "program.yaml"), "name: old\n");
        File.WriteAllText(Path.Combine(Out, "gitops", ArtifactWriter.Marker), "");
        Assert.True(ArtifactWriter.WrittenByPgPlatform(Out));

        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine\n");
        Assert.False(ArtifactWriter.WrittenByPgPlatform(Out));
    }

    [Fact]
    public void AFileInTheWayIsRefused()
    {
        File.WriteAllText(Out, "a file\n");

        var e = Assert.Throws<DeclarationException>(() => ArtifactWriter.Replace(Out, force: true, WriteTree));

        Assert.Contains($"{Out} is a file, not a directory", e.Message, StringComparison.Ordinal);
        Assert.Equal("a file\n", File.ReadAllText(Out));
    }

    [Fact]
    public void StagingLeftByASynthThatDiedIsSweptAndALiveOneIsNot()
    {
        using var dead = Process.Start(new ProcessStartInfo("true"))!;
        dead.WaitForExit();
        var abandoned = Directory.CreateDirectory(Path.Combine(_root, $".out.pg-platform-staging-{dead.Id}-0123")).FullName;
        var live = Directory.CreateDirectory(Path.Combine(_root, $".out.pg-platform-staging-{Environment.ProcessId}-4567")).FullName;

        ArtifactWriter.Replace(Out, force: false, WriteTree);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(live));
    }
}
