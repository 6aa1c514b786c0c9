using System.Text.Json;
using System.Text.Json.Serialization;

namespace PgPlatform.Stacks.Targets;

/// <summary>A rotation in progress, kept durably by the target so that an interrupted rotation can be resumed or rolled back.</summary>
/// <param name="From">The slot active before the rotation.</param>
/// <param name="To">The slot the rotation switches to.</param>
/// <param name="Done">The last step done.</param>
/// <param name="StartedAt">When the rotation started.</param>
public sealed record RotationState(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("done")] RotationStep Done,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    /// <summary>The same rotation with <paramref name="step"/> done.</summary>
    public RotationState After(RotationStep step) => this with { Done = step };

    /// <summary>The state as one line of JSON (no secret in it).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="ToJson"/>; a <see cref="FormatException"/> naming <paramref name="where"/> when it is not.</summary>
    public static RotationState Parse(string json, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<RotationState>(json, Json) ?? throw new FormatException($"{where}: empty rotation state");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{where}: unreadable rotation state ({e.Message}); delete it after checking which login the application uses", e);
        }
    }
}
