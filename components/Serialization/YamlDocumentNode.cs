using System.Text.Json.Nodes;

namespace PgPlatform.Components.Serialization;

/// <summary>One YAML document as a JSON tree, with the line it starts on.</summary>
public sealed record YamlDocumentNode(int Line, JsonNode? Node);
