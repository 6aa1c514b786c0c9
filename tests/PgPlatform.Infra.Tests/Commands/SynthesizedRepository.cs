using System.Text.Json.Nodes;
using PgPlatform.Components.Serialization;
using PgPlatform.Infra.CommandLine;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>The repository's own stacks synthesized once per test class with the real <c>synth</c> command.</summary>
public sealed class SynthesizedRepository : IDisposable
{
    public SynthesizedRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), $"pgp-synth-{Guid.NewGuid():N}");
        foreach (var stack in Stacks)
        {
            var result = InfraRunner.RunAsync(["synth", "--stack", stack, "--out", OutDir(stack), "--project-dir", SharedSchemas.RepoRoot]).GetAwaiter().GetResult();
            if (result.ExitCode != ExitCode.Success)
            {
                throw new InvalidOperationException($"synth {stack} failed: {result.Error}");
            }
        }
    }

    public static IReadOnlyList<string> Stacks { get; } = ["dev", "prod"];

    public string Root { get; }

    public string OutDir(string stack) => Path.Combine(Root, stack);

    public string ProgramText(string stack) => File.ReadAllText(Path.Combine(OutDir(stack), "program.yaml"));

    public JsonObject Program(string stack) => YamlReader.Read(ProgramText(stack))!.AsObject();

    public string GitOps(string stack) => Path.Combine(OutDir(stack), "gitops");

    /// <summary>Every Kubernetes object the program deploys, with Pulumi's <c>$$</c> escapes undone.</summary>
    public List<JsonObject> ProgramObjects(string stack, bool gitOpsUnitsOnly = false) => ProgramObjects(Program(stack), gitOpsUnitsOnly);

    /// <summary>Every Kubernetes object <paramref name="program"/> deploys, with Pulumi's <c>$$</c> escapes undone.</summary>
    public static List<JsonObject> ProgramObjects(JsonObject program, bool gitOpsUnitsOnly = false)
    {
        var objects = new List<JsonObject>();
        foreach (var (name, resource) in program["resources"]!.AsObject())
        {
            // Day-0 units (platform objects, per-application access) are deployed by Pulumi only.
            if (gitOpsUnitsOnly && (name == "pg-platform-platform" || name.EndsWith("-access", StringComparison.Ordinal)))
            {
                continue;
            }

            var type = (string?)resource!["type"];
            if (type == "kubernetes:yaml/v2:ConfigGroup")
            {
                objects.AddRange(resource["properties"]!["objs"]!.AsArray().Select(o => Unescape(o)!.AsObject()));
            }
            else if (type == "kubernetes:core/v1:Namespace")
            {
                objects.Add(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = Unescape(resource["properties"]!["metadata"]) });
            }
        }

        return objects;
    }

    public static JsonNode? Unescape(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Unescape(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Unescape).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonValue.Create(value.GetValue<string>().Replace("$$", "$", StringComparison.Ordinal)),
        _ => node?.DeepClone(),
    };

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
