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
    public List<JsonObject> ProgramObjects(string stack) => ProgramObjects(Program(stack));

    /// <summary>Every Kubernetes object the stack delivers: those its program deploys and those Argo CD applies from the tree.</summary>
    public static List<JsonObject> DeliveredObjects(string stack) => StackPrograms.AllDelivered(StackPrograms.Settings(stack, stack));

    /// <summary>The objects Argo CD applies from the GitOps tree for <paramref name="stack"/>, as the model declares them.</summary>
    public static List<JsonObject> TreeObjects(string stack) => StackPrograms.Delivered(StackPrograms.Settings(stack, stack)).Tree;

    /// <summary>Every Kubernetes object <paramref name="program"/> deploys, with Pulumi's <c>$$</c> escapes undone.</summary>
    public static List<JsonObject> ProgramObjects(JsonObject program)
    {
        var objects = new List<JsonObject>();
        foreach (var (_, resource) in program["resources"]!.AsObject())
        {
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
