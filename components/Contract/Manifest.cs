using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Components.Contract;

/// <summary>One Kubernetes object under check, with where it came from (a file and line, or the model).</summary>
public sealed class Manifest
{
    private JsonObject? _object;

    /// <summary>Wraps <paramref name="obj"/>; identity fields are read once, since every rule reads them.</summary>
    public Manifest(JsonObject obj, string source, int line)
        : this(JsonSerializer.SerializeToElement<JsonNode>(obj), source, line)
    {
        _object = obj;
    }

    /// <summary>
    /// Wraps an object already parsed, as the rules read it (no tree is built); the caller keeps the element's document
    /// alive while the manifest is read.
    /// </summary>
    public Manifest(JsonElement element, string source, int line)
    {
        Element = element;
        Source = source;
        Line = line;
        ApiVersion = JsonPath.String(element, "apiVersion") ?? "";
        var slash = ApiVersion.IndexOf('/', StringComparison.Ordinal);
        Group = slash > 0 ? ApiVersion[..slash] : "";
        Kind = JsonPath.String(element, "kind") ?? "";
        Name = JsonPath.String(element, "metadata.name") ?? "(unnamed)";
        Namespace = JsonPath.String(element, "metadata.namespace");
        Labels = JsonPath.Get(element, "metadata.labels");
    }

    /// <summary>
    /// True for a model object that Pulumi deploys (<see cref="PgPlatform.Components.Model.ObjectGroupDelivery.IsDeliveredByPulumi"/>), which may hold
    /// deploy-time values. Default: false, as for manifests read from files, which are applied as they are (Git, kubectl).
    /// </summary>
    public bool DeliveredByPulumi { get; init; }

    /// <summary>The object as parsed JSON, as the rules read it.</summary>
    public JsonElement Element { get; }

    /// <summary>The object as a tree (made from <see cref="Element"/> on first use when not given as one).</summary>
    public JsonObject Object => _object ??= JsonObject.Create(Element.Clone())!;

    /// <summary>File (or <c>model:&lt;name&gt;</c>) it came from.</summary>
    public string Source { get; }

    /// <summary>1-based line the object starts on; 0 when not from a file.</summary>
    public int Line { get; }

    /// <summary>Finds the line of a field path in the file (see <see cref="LineOf"/>); null when not from a file.</summary>
    public Func<string, int>? FieldLines { get; init; }

    /// <summary>The 1-based line of <paramref name="field"/> (or of its nearest parent that exists), else <see cref="Line"/>.</summary>
    public int LineOf(string field) => FieldLines?.Invoke(field) is > 0 and var line ? line : Line;

    /// <summary>apiVersion, or empty when the manifest has none.</summary>
    public string ApiVersion { get; }

    /// <summary>API group ("" for core), from <see cref="ApiVersion"/>.</summary>
    public string Group { get; }

    /// <summary>Kind, or empty.</summary>
    public string Kind { get; }

    /// <summary>metadata.name, or <c>(unnamed)</c>.</summary>
    public string Name { get; }

    /// <summary>metadata.namespace, or null.</summary>
    public string? Namespace { get; }

    private JsonElement? Labels { get; }

    /// <summary>A label value, or null.</summary>
    public string? Label(string key) => JsonPath.Key(Labels, key);

    /// <summary>True when this is <paramref name="kind"/> of <paramref name="group"/>; a manifest without apiVersion matches on kind alone.</summary>
    public bool Is(string group, string kind) => Kind == kind && (ApiVersion.Length == 0 || Group == group);

    /// <summary><c>kind/namespace/name</c>, as violations print it.</summary>
    public string Reference => $"{Kind}/{Namespace ?? "-"}/{Name}";
}
