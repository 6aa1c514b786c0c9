using System.Text.Json.Nodes;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Tests.Commands;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>One stack's settings, its synthesized program, and the objects Argo CD applies for it from the GitOps tree.</summary>
internal sealed record StackProgram(StackSettings Settings, JsonObject Program, IReadOnlyList<JsonObject> Tree)
{
    /// <summary>Every resource of the program by logical name.</summary>
    public IEnumerable<(string Name, JsonObject Resource)> Resources => Program["resources"]!.AsObject().Select(p => (p.Key, p.Value!.AsObject()));

    /// <summary>Every ConfigGroup with the Kubernetes objects it applies (Pulumi's <c>$$</c> escapes undone).</summary>
    public IEnumerable<(string Name, JsonObject Resource, List<JsonObject> Objects)> ConfigGroups =>
        Resources.Where(r => (string?)r.Resource["type"] == "kubernetes:yaml/v2:ConfigGroup")
            .Select(r => (r.Name, r.Resource, r.Resource["properties"]!["objs"]!.AsArray().Select(o => SynthesizedRepository.Unescape(o)!.AsObject()).ToList()));

    /// <summary>Every Kubernetes object the stack delivers: those its program applies and those Argo CD applies from the tree.</summary>
    public List<JsonObject> Objects => [.. SynthesizedRepository.ProgramObjects(Program), .. Tree];

    /// <summary>The objects of <paramref name="kind"/>.</summary>
    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => (string?)o["kind"] == kind);

    /// <summary>The logical names <paramref name="resource"/> waits for (<c>options.dependsOn</c>).</summary>
    public static IReadOnlyList<string> DependsOn(JsonObject resource) =>
        resource["options"]?["dependsOn"]?.AsArray().Select(d => ((string)d!).TrimStart('$', '{').TrimEnd('}')).ToList() ?? [];
}
