using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Pulumi;

/// <summary>What a Pulumi resource type accepts as inputs.</summary>
/// <param name="Token">The canonical type token, e.g. <c>random:index/randomPassword:RandomPassword</c>.</param>
/// <param name="Inputs">Input name to its Pulumi schema type spec (null where the source only lists names).</param>
/// <param name="Required">Inputs that must be set.</param>
/// <param name="ChecksNestedTypes">Whether literal values are checked against <see cref="Inputs"/> type specs, not just named.</param>
internal sealed record PulumiResourceSchema(
    string Token,
    IReadOnlyDictionary<string, JsonNode?> Inputs,
    IReadOnlySet<string> Required,
    bool ChecksNestedTypes);
