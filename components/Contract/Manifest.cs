using System.Text.Json.Nodes;

namespace PgPlatform.Components.Contract;

/// <summary>One Kubernetes object under check, with where it came from (a file and line, or the model).</summary>
public sealed record Manifest(JsonObject Object, string Source, int Line)
{
    /// <summary>apiVersion, or empty when the manifest has none.</summary>
    public string ApiVersion => Object["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>API group ("" for core), from <see cref="ApiVersion"/>.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : "";

    /// <summary>Kind, or empty.</summary>
    public string Kind => Object["kind"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    /// <summary>metadata.name, or <c>(unnamed)</c>.</summary>
    public string Name => JsonPath.String(Object, "metadata.name") ?? "(unnamed)";

    /// <summary>metadata.namespace, or null.</summary>
    public string? Namespace => JsonPath.String(Object, "metadata.namespace");

    /// <summary>A label value, or null.</summary>
    public string? Label(string key) => Object["metadata"]?["labels"] is JsonObject labels && labels[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>True when this is <paramref name="kind"/> of <paramref name="group"/>; a manifest without apiVersion matches on kind alone.</summary>
    public bool Is(string group, string kind) => Kind == kind && (ApiVersion.Length == 0 || Group == group);

    /// <summary><c>kind/namespace/name</c>, as violations print it.</summary>
    public string Reference => $"{Kind}/{Namespace ?? "-"}/{Name}";
}
