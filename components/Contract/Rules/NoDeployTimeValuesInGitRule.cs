using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP018: an object delivered from the GitOps tree holds no value that only exists after deployment (an
/// <see cref="OutputReference"/>, such as an identity's client id): Argo CD applies the tree as written, and nothing
/// would ever resolve the reference. Pulumi-delivered objects (<see cref="Manifest.DeliveredByPulumi"/>) may hold them.
/// CI-only: in the cluster every value has long been resolved.
/// </summary>
public sealed partial class NoDeployTimeValuesInGitRule : ContractRule
{
    /// <inheritdoc />
    public override string Id => "PGP018";

    /// <inheritdoc />
    public override string Title => "Objects delivered from the GitOps tree hold no deploy-time values";

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        if (manifest.DeliveredByPulumi)
        {
            yield break;
        }

        foreach (var (field, value) in Embedded(manifest.Element, ""))
        {
            var shown = value.Replace(OutputReference.EmbedStart.ToString(), "${", StringComparison.Ordinal).Replace(OutputReference.EmbedEnd.ToString(), "}", StringComparison.Ordinal);
            yield return Violation(manifest, field, $"'{shown}' only exists after deployment, so the GitOps tree cannot carry it",
                "deliver the object with Pulumi (ObjectGroup.Platform or ObjectGroup.Access), or set a value known at synthesis");
        }
    }

    /// <summary>Every string under <paramref name="node"/> that embeds a reference, with its field path; parts whose raw JSON rules one out are skipped unread.</summary>
    private static IEnumerable<(string Field, string Value)> Embedded(JsonElement node, string path)
    {
        if (!OutputReference.MayBeEmbeddedIn(JsonMarshal.GetRawUtf8Value(node)))
        {
            yield break;
        }

        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    var child = Identifier().IsMatch(property.Name) ? (path.Length == 0 ? property.Name : $"{path}.{property.Name}") : $"{path}['{property.Name}']";
                    foreach (var hit in Embedded(property.Value, child))
                    {
                        yield return hit;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in node.EnumerateArray())
                {
                    foreach (var hit in Embedded(item, $"{path}[{index++}]"))
                    {
                        yield return hit;
                    }
                }

                break;
            case JsonValueKind.String when node.GetString() is { } text && text.Contains(OutputReference.EmbedStart, StringComparison.Ordinal):
                yield return (path, text);
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
