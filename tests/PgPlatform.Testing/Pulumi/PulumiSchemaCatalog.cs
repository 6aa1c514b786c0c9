using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Resource and function tokens (with their inputs) from the provider schema data in
/// <c>shared/schemas/pulumi</c>; see its SOURCES.md for what each file is and why those versions.
/// </summary>
internal sealed class PulumiSchemaCatalog
{
    // Not in the azure-native subset, which has no functions at all, but a real v2/v3 function
    // (it returns the tenant, subscription and object id of the deploying identity).
    private const string AzureGetClientConfig = "azure-native:authorization:getClientConfig";

    private readonly Dictionary<string, PulumiResourceSchema> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _functions = new(StringComparer.Ordinal) { AzureGetClientConfig };
    private readonly Dictionary<string, JsonObject> _types = new(StringComparer.Ordinal);

    private PulumiSchemaCatalog()
    {
    }

    /// <summary>Named object and enum types (<c>#/types/...</c>) of the schemas whose nested values are checked.</summary>
    public IReadOnlyDictionary<string, JsonObject> Types => _types;

    /// <summary>Loads the four schema files from a <c>shared/schemas/pulumi</c> folder.</summary>
    public static PulumiSchemaCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Pulumi schema folder '{directory}' does not exist.");
        }

        var catalog = new PulumiSchemaCatalog();

        // Order matters: the npm-derived kubernetes file is authoritative for the tokens it lists, so it
        // is loaded last and replaces what the 2022 schema says about them.
        catalog.AddFullSchema(ReadSingle(directory, "random-schema-*.json"), checksNestedTypes: true);
        catalog.AddFullSchema(ReadSingle(directory, "azure-native-subset-*.json"), checksNestedTypes: true);
        catalog.AddFullSchema(ReadSingle(directory, "kubernetes-schema-*.json"), checksNestedTypes: false);
        catalog.AddDerivedInputs(ReadSingle(directory, "kubernetes-*-args-derived-from-npm.json"));
        return catalog;
    }

    /// <summary>Finds a resource by the token a Pulumi YAML program uses, following Pulumi YAML's resolution rules.</summary>
    public PulumiResourceSchema? ResolveResource(string token) =>
        Candidates(token).Select(c => _resources.GetValueOrDefault(c)).FirstOrDefault(r => r is not null);

    /// <summary>Whether a function token (as used by <c>fn::invoke</c>) resolves to a known function.</summary>
    public bool IsKnownFunction(string token) => Candidates(token).Any(_functions.Contains);

    /// <summary>
    /// The tokens Pulumi YAML tries for a written token: the token itself; <c>pkg:Name</c> as
    /// <c>pkg:index:Name</c>; and <c>pkg:mod:Name</c> as <c>pkg:mod/name:Name</c> (first letter lowered).
    /// </summary>
    internal static IEnumerable<string> Candidates(string token)
    {
        yield return token;
        if (token.StartsWith("pulumi:providers:", StringComparison.Ordinal))
        {
            yield break;
        }

        var parts = token.Split(':');
        if (parts.Length == 2)
        {
            parts = [parts[0], "index", parts[1]];
            yield return string.Join(':', parts);
        }

        if (parts.Length == 3 && !parts[1].Contains('/', StringComparison.Ordinal) && parts[2].Length > 0)
        {
            yield return $"{parts[0]}:{parts[1]}/{char.ToLowerInvariant(parts[2][0])}{parts[2][1..]}:{parts[2]}";
        }
    }

    private void AddFullSchema(JsonObject schema, bool checksNestedTypes)
    {
        foreach (var (token, node) in schema["resources"] as JsonObject ?? [])
        {
            if (node is not JsonObject resource)
            {
                continue;
            }

            var parsed = FromInputProperties(token, resource, checksNestedTypes);
            _resources[token] = parsed;

            // Pulumi YAML also resolves a token listed as an alias of a resource to that resource.
            foreach (var alias in (resource["aliases"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if ((string?)alias["type"] is { } aliasToken)
                {
                    _resources.TryAdd(aliasToken, parsed);
                }
            }
        }

        // The provider itself is a resource too (pulumi:providers:<package>).
        if (schema["provider"] is JsonObject provider && (string?)schema["name"] is { } package)
        {
            var token = $"pulumi:providers:{package}";
            _resources[token] = FromInputProperties(token, provider, checksNestedTypes);
        }

        foreach (var (token, _) in schema["functions"] as JsonObject ?? [])
        {
            _functions.Add(token);
        }

        if (checksNestedTypes)
        {
            foreach (var (token, node) in schema["types"] as JsonObject ?? [])
            {
                if (node is JsonObject type)
                {
                    _types[token] = type;
                }
            }
        }
    }

    private void AddDerivedInputs(JsonObject derived)
    {
        foreach (var (token, node) in derived["resources"] as JsonObject ?? [])
        {
            var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, input) in node?["inputs"] as JsonObject ?? [])
            {
                // Only names and required flags: tsType is TypeScript text, not a schema.
                inputs[name] = null;
                if (input?["required"] is JsonValue flag && flag.TryGetValue<bool>(out var isRequired) && isRequired)
                {
                    required.Add(name);
                }
            }

            _resources[token] = new PulumiResourceSchema(token, inputs, required, ChecksNestedTypes: false);
        }
    }

    private static PulumiResourceSchema FromInputProperties(string token, JsonObject resource, bool checksNestedTypes)
    {
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, spec) in resource["inputProperties"] as JsonObject ?? [])
        {
            inputs[name] = spec;
        }

        var required = (resource["requiredInputs"] as JsonArray ?? [])
            .Select(n => (string?)n)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return new PulumiResourceSchema(token, inputs, required, checksNestedTypes);
    }

    private static JsonObject ReadSingle(string directory, string pattern)
    {
        var files = Directory.GetFiles(directory, pattern);
        if (files.Length != 1)
        {
            throw new InvalidDataException(
                $"Expected exactly one '{pattern}' in '{directory}', found {files.Length}; see its SOURCES.md.");
        }

        return JsonNode.Parse(File.ReadAllText(files[0])) as JsonObject
            ?? throw new InvalidDataException($"'{files[0]}' is not a JSON object.");
    }
}
