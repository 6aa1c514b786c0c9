using System.Text.Json;
using System.Text.Json.Nodes;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>What <c>pulumi stack output --json</c> printed: output name to value.</summary>
public sealed class StackOutputs
{
    private readonly JsonObject _outputs;

    private StackOutputs(JsonObject outputs) => _outputs = outputs;

    /// <summary>Every output name.</summary>
    public IReadOnlyList<string> Names => [.. _outputs.Select(p => p.Key)];

    /// <summary>Parses the CLI's JSON; throws <see cref="FormatException"/> when it is not a JSON object.</summary>
    public static StackOutputs Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject outputs
                ? new StackOutputs(outputs)
                : throw new FormatException("pulumi stack output --json did not print a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"pulumi stack output --json printed invalid JSON: {e.Message}", e);
        }
    }

    /// <summary>The string output <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming the outputs there are.</summary>
    public string String(string name) =>
        _outputs[name] is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new KeyNotFoundException($"the stack has no string output '{name}' (outputs: {string.Join(", ", Names)})");

    /// <summary>The raw value of <paramref name="name"/>, or null if absent.</summary>
    public JsonNode? this[string name] => _outputs[name];
}
