using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// No value of a free-text setting can change the structure of what <c>synth</c> writes: each hostile value (line
/// breaks, <c>${...}</c>, <c>$(...)</c>, quotes, <c>: </c>, <c>#</c>, Unicode line separators, YAML's plain-scalar
/// types) is either refused in one line naming the setting, or written so that the program and the GitOps tree,
/// re-parsed, are exactly those of a benign value with the value as a scalar in the benign value's places.
/// </summary>
public sealed class SynthHostileStringTests
{
    private static readonly Dictionary<string, string> Benign = new()
    {
        ["pg-platform:kubeContext"] = "aks-prod-weu",
        ["pg-platform:gitopsRevision"] = "main",
        ["pg-platform:gitopsRepoUrl"] = "https://git.example.com/platform/gitops.git",
        ["pg-platform:oidcIssuerUrl"] = "https://westeurope.oic.prod-aks.azure.com/8e1d0c44-2b7a-4f3e-a5c9-61d0f2e4b7c3/c4e9f1a3-6d2b-4a7e-8f50-b1d3e7c9a284/",
    };

    private static readonly string[] Everywhere =
    [
        "x\ny: z", "x\r\nkind: Secret", "x\u2028y", "x\u2029y", "x\u0085y", "x\ty", "${pulumi.stack}", "x${y}", "$(whoami)", "`id`",
        "x: y", "x #y", "'quoted'", "\"quoted\"", "{a: b}", "[a]", "- x", "*alias", "&anchor x", "!!binary x", "|", ">", "",
    ];

    private static readonly Dictionary<string, string[]> Specific = new()
    {
        ["pg-platform:kubeContext"] = ["null", "true", "0x10", "1e3", "arn:aws:eks:eu-west-1:123456789012:cluster/prod", "-x:y@z,a=b+c", ":x", "@x"],
        ["pg-platform:gitopsRevision"] = ["null", "true", "0x10", "1e3", "it's\"x\"#y{z},&!|>%@", "-x,y", "~x", "a..b", "x.lock"],
        ["pg-platform:gitopsRepoUrl"] = ["https://git.example.com/a?b=c&d=e#f:g,h*i!j;k%20l", "git@git.example.com:x/y.git#*&!", "ssh://git@git.example.com:22/p", "http://git.example.com/x"],
        ["pg-platform:oidcIssuerUrl"] = ["https://issuer.example.com/a#b:c&d*e!f", "https://issuer.example.com/x?y=%0Akind:Secret"],
    };

    private static readonly Lazy<Task<Dictionary<string, string>>> BenignTree = new(async () =>
    {
        using var project = new TempProject();
        var result = await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory]);
        Assert.True(result.ExitCode == ExitCode.Success, result.Error);
        return Files(project.Out);
    });

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Benign.Keys)
        {
            foreach (var value in Everywhere.Concat(Specific[key]))
            {
                data.Add(key, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileValueIsRefusedOrStaysAScalar(string key, string value)
    {
        using var project = new TempProject();
        var line = key == "pg-platform:gitopsRevision" ? "pg-platform:delivery: gitops" : $"{key}: {Benign[key]}";
        // A JSON string is a YAML double-quoted scalar: every character of the value reaches the reader as written.
        var quoted = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        project.Replace("Pulumi.prod.yaml", line, key == "pg-platform:gitopsRevision" ? $"{line}\n  {key}: {quoted}" : $"{key}: {quoted}");

        var result = await InfraRunner.RunAsync(["synth", "--stack", "prod", "--out", project.Out, "--project-dir", project.Directory]);

        if (result.ExitCode != ExitCode.Success)
        {
            Assert.Equal(ExitCode.Failed, result.ExitCode);
            Assert.Matches(@"^error: [^\n]*Fix: [^\n]*\n$", result.Error);
            Assert.Contains($"setting '{key}' in Pulumi.prod.yaml is '", result.Error);
            Assert.DoesNotContain("   at ", result.Error);
            Assert.False(Directory.Exists(project.Out), "nothing is written");
            return;
        }

        var benign = await BenignTree.Value;
        var hostile = Files(project.Out);
        Assert.Equal(benign.Keys, hostile.Keys);
        var seen = false;
        foreach (var (file, text) in hostile)
        {
            Same(file, Documents(file, benign[file]), Documents(file, text), Benign[key], value, ref seen);
        }

        Assert.True(seen, $"{key} = {JsonSerializer.Serialize(value)} was accepted but appears in no scalar: the comparison proved nothing");
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllText, StringComparer.Ordinal);

    private static JsonArray Documents(string file, string text)
    {
        if (!file.EndsWith(".yaml", StringComparison.Ordinal) && !file.EndsWith(".yml", StringComparison.Ordinal))
        {
            return [text];
        }

        var documents = new JsonArray();
        foreach (var document in YamlReader.ReadDocuments(text, YamlLimits.Manifests))
        {
            documents.Add(document.Node?.DeepClone());
        }

        return documents;
    }

    /// <summary>
    /// <paramref name="actual"/> has <paramref name="expected"/>'s structure (the same keys, lists, kinds of scalar) and
    /// each scalar is the expected one, or a string that is the expected one with <paramref name="benign"/> replaced by <paramref name="value"/>.
    /// </summary>
    private static void Same(string where, JsonNode? expected, JsonNode? actual, string benign, string value, ref bool seen)
    {
        switch (expected)
        {
            case JsonObject e:
                var a = Assert.IsType<JsonObject>(actual);
                Assert.True(e.Select(p => p.Key).SequenceEqual(a.Select(p => p.Key)), $"{where}: keys differ: [{string.Join(", ", e.Select(p => p.Key))}] / [{string.Join(", ", a.Select(p => p.Key))}]");
                foreach (var (k, v) in e)
                {
                    Same($"{where}.{k}", v, a[k], benign, value, ref seen);
                }

                break;
            case JsonArray e:
                var list = Assert.IsType<JsonArray>(actual);
                Assert.True(e.Count == list.Count, $"{where}: {e.Count} items became {list.Count}");
                for (var i = 0; i < e.Count; i++)
                {
                    Same($"{where}[{i}]", e[i], list[i], benign, value, ref seen);
                }

                break;
            case JsonValue e when e.TryGetValue<string>(out var s) && actual is JsonValue v && v.TryGetValue<string>(out var t) && s != t:
                Assert.True(t == s.Replace(benign, value, StringComparison.Ordinal), $"{where}: '{s}' became '{t}'");
                seen = true;
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{where}: {expected?.ToJsonString()} became {actual?.ToJsonString()}");
                break;
        }
    }
}
