namespace PgPlatform.Stacks.Tests.Architecture;

/// <summary>
/// The API groups and the plugin name that the platform and the drills share are spelled once, in
/// <c>components/Vocabulary</c>: a copy elsewhere would drift silently when one side changes.
/// </summary>
public sealed class VocabularyTests
{
    private static readonly string[] Literals =
        ["postgresql.cnpg.io", "barmancloud.cnpg.io", "barman-cloud.cloudnative-pg.io", "external-secrets.io", "monitoring.coreos.com", "argoproj.io"];

    private static readonly string[] Scanned = ["stacks", "infra", "components", "bench"];

    [Fact]
    public void NoApiGroupOrPluginNameIsSpelledOutsideTheVocabulary()
    {
        var findings = Scan(RepoRoot(), Scanned);

        Assert.True(findings.Count == 0, "spelled outside components/Vocabulary (use its constants):\n" + string.Join("\n", findings));
    }

    [Fact]
    public void TheScanNamesFileAndLineOfALiteralInCodeAndSkipsCommentsBuildOutputAndTheVocabulary()
    {
        var root = Directory.CreateTempSubdirectory("vocabulary-").FullName;
        try
        {
            Write(root, "stacks/Targets/Bad.cs", "namespace X;\n\nclass Bad { const string G = \"postgresql.cnpg.io\"; }\n");
            Write(root, "infra/Commands/Path.cs", "class P { string Path(string ns) => $\"/apis/argoproj.io/v1alpha1/namespaces/{ns}\"; }\n");
            Write(root, "stacks/Documented.cs", "/// <summary>A <c>postgresql.cnpg.io/v1 Cluster</c>.</summary>\n// barmancloud.cnpg.io\nclass D { }\n");
            Write(root, "components/Versions/Charts.cs", "class C { const string Repo = \"https://charts.external-secrets.io\"; }\n");
            Write(root, "stacks/obj/Debug/Generated.cs", "class G { const string A = \"external-secrets.io\"; }\n");
            Write(root, "components/Vocabulary/CnpgApi.cs", "class CnpgApi { const string Group = \"postgresql.cnpg.io\"; }\n");
            Write(root, "components/Day2/Plugin.cs", "class Q { const string Plugin = \"barman-cloud.cloudnative-pg.io\"; }\n");

            Assert.Equal(
            [
                "components/Day2/Plugin.cs:1: barman-cloud.cloudnative-pg.io",
                "infra/Commands/Path.cs:1: argoproj.io",
                "stacks/Targets/Bad.cs:3: postgresql.cnpg.io",
            ], Scan(root, ["stacks", "infra", "components"]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary><c>path:line: literal</c> for every line of code (not a comment) under <paramref name="folders"/> that spells one of the literals.</summary>
    private static List<string> Scan(string root, IEnumerable<string> folders)
    {
        var findings = new List<string>();
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var segments = relative.Split('/');
            if (segments.Contains("obj") || segments.Contains("bin") || relative.StartsWith("components/Vocabulary/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("/*", StringComparison.Ordinal) || code.StartsWith('*'))
                {
                    continue;
                }

                // The group itself, not a host that ends in it (the External Secrets chart repository, charts.external-secrets.io).
                findings.AddRange(Literals.Where(l => System.Text.RegularExpressions.Regex.IsMatch(lines[i], $@"(?<![\w.-]){System.Text.RegularExpressions.Regex.Escape(l)}")).Select(l => $"{relative}:{i + 1}: {l}"));
            }
        }

        return [.. findings.Order(StringComparer.Ordinal)];
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Infra.sln above {AppContext.BaseDirectory}");
    }
}
