using System.Text.Json;

namespace PgPlatform.Components.Serialization;

/// <summary>One YAML document as parsed JSON (an element of its own document), with the line it starts on.</summary>
public sealed record YamlDocumentElement(int Line, JsonElement Element);
