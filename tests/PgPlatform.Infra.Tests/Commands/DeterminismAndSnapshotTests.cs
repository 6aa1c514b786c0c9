using PgPlatform.Components.Synthesis;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// Output is byte-identical across runs, and equal to the snapshots under Snapshots/&lt;stack&gt;/, laid out
/// like the output tree. After an intended change, refresh them with PGP_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public sealed class DeterminismAndSnapshotTests(SynthesizedRepository repo) : IClassFixture<SynthesizedRepository>
{
    public static TheoryData<string> Stacks => new(SynthesizedRepository.Stacks);

    private static string SnapshotRoot => Path.Combine(SharedSchemas.RepoRoot, "tests", "PgPlatform.Infra.Tests", "Snapshots");

    private static SortedDictionary<string, string> Files(string dir) => new(
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ArtifactWriter.Marker)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText),
        StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task TwoSynthesesAreByteIdentical(string stack)
    {
        var again = Path.Combine(repo.Root, $"{stack}-again");
        var result = await InfraRunner.RunAsync(["synth", "--stack", stack, "--out", again, "--project-dir", SharedSchemas.RepoRoot]);
        Assert.Equal(ExitCode.Success, result.ExitCode);
        Assert.Equal(Files(repo.OutDir(stack)), Files(again));
    }

    [Fact]
    public async Task ASecondSynthIntoTheSameDirectoryReplacesTheFirst()
    {
        var dir = Path.Combine(repo.Root, "replace");
        var stale = Path.Combine(dir, "gitops", "apps", "retired", "base", "deployment-retired.yaml");
        Assert.Equal(ExitCode.Success, (await InfraRunner.RunAsync(["synth", "--stack", "dev", "--out", dir, "--project-dir", SharedSchemas.RepoRoot])).ExitCode);
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "kind: Deployment\n");
        Assert.Equal(ExitCode.Success, (await InfraRunner.RunAsync(["synth", "--stack", "dev", "--out", dir, "--project-dir", SharedSchemas.RepoRoot])).ExitCode);
        Assert.False(File.Exists(stale));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void OutputMatchesTheSnapshots(string stack)
    {
        var actual = Files(repo.OutDir(stack));
        var snapshotDir = Path.Combine(SnapshotRoot, stack);
        if (Environment.GetEnvironmentVariable("PGP_UPDATE_SNAPSHOTS") == "1")
        {
            if (Directory.Exists(snapshotDir))
            {
                Directory.Delete(snapshotDir, recursive: true);
            }

            foreach (var (relative, content) in actual)
            {
                var path = Path.Combine(snapshotDir, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
        }

        Assert.True(Directory.Exists(snapshotDir), $"no snapshots in {snapshotDir}: run the tests once with PGP_UPDATE_SNAPSHOTS=1");
        var expected = Files(snapshotDir);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (relative, content) in expected)
        {
            Assert.True(content == actual[relative], $"{stack}/{relative} differs from its snapshot; if intended, rerun with PGP_UPDATE_SNAPSHOTS=1 and review the diff");
        }
    }
}
