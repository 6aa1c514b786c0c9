using System.Text.Json;

namespace PgPlatform.Components.Serialization;

/// <summary>Text to write in place of a string value of parsed JSON, or null to write the value as it is.</summary>
/// <param name="value">A string value.</param>
public delegate string? ScalarRewrite(JsonElement value);
