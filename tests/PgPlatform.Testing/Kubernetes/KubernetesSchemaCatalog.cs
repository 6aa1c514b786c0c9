using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>
/// The normalized schemas for every served kind: built-in kinds from the Kubernetes OpenAPI v3
/// documents under <c>kubernetes/</c> and custom resources from the CRDs under <c>crds/</c>. For each
/// kind it can produce one self-contained JSON Schema document (root plus the definitions it needs).
/// </summary>
internal sealed class KubernetesSchemaCatalog
{
    private const string ObjectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    // Normalized JSON text per definition name, with the names it references in turn.
    private readonly Dictionary<string, (string Json, string[] References)> _definitions;
    private readonly Dictionary<GroupVersionKind, (string Json, string[] References)> _roots;

    private KubernetesSchemaCatalog(
        Dictionary<string, (string Json, string[] References)> definitions,
        Dictionary<GroupVersionKind, (string Json, string[] References)> roots)
    {
        _definitions = definitions;
        _roots = roots;
    }

    /// <summary>Every kind that has a schema.</summary>
    public IReadOnlyCollection<GroupVersionKind> Kinds => _roots.Keys;

    /// <summary>Loads and normalizes everything under a <c>shared/schemas</c> folder.</summary>
    public static KubernetesSchemaCatalog Load(string schemasRoot)
    {
        var builtInDirectory = Path.Combine(schemasRoot, "kubernetes");
        var crdDirectory = Path.Combine(schemasRoot, "crds");
        if (!Directory.Exists(builtInDirectory) || !Directory.Exists(crdDirectory))
        {
            throw new DirectoryNotFoundException(
                $"'{schemasRoot}' must contain kubernetes/ (OpenAPI v3 documents) and crds/ (CustomResourceDefinitions).");
        }

        var components = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var roots = new Dictionary<GroupVersionKind, (string Json, string[] References)>();
        foreach (var file in Directory.GetFiles(builtInDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            LoadOpenApiDocument(file, components, roots);
        }

        var definitions = new Dictionary<string, (string Json, string[] References)>(StringComparer.Ordinal);
        foreach (var (name, schema) in components)
        {
            var normalizer = new SchemaNormalizer(customResourceRules: false);
            definitions[name] = (normalizer.Normalize(schema).ToJsonString(), normalizer.References.ToArray());
        }

        if (!definitions.ContainsKey(ObjectMeta))
        {
            throw new InvalidDataException($"No {ObjectMeta} schema under '{builtInDirectory}'.");
        }

        foreach (var file in Directory.GetFiles(crdDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            LoadCrdFile(file, roots);
        }

        return new KubernetesSchemaCatalog(definitions, roots);
    }

    /// <summary>Whether a kind has a schema.</summary>
    public bool Contains(GroupVersionKind kind) => _roots.ContainsKey(kind);

    /// <summary>One JSON Schema document for a kind: its root schema with every definition it reaches bundled in.</summary>
    public string BuildDocument(GroupVersionKind kind)
    {
        var (rootJson, rootReferences) = _roots[kind];
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(rootReferences);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name))
            {
                continue;
            }

            if (!_definitions.TryGetValue(name, out var definition))
            {
                throw new InvalidDataException($"Schema for {kind} references '{name}', which no document defines.");
            }

            foreach (var next in definition.References)
            {
                pending.Push(next);
            }
        }

        var document = new StringBuilder(rootJson, 0, rootJson.Length - 1, rootJson.Length * 2);
        document.Append(rootJson.Length > 2 ? ",\"definitions\":{" : "\"definitions\":{");
        var first = true;
        foreach (var name in reached)
        {
            document.Append(first ? string.Empty : ",").Append(JsonSerializer.Serialize(name)).Append(':').Append(_definitions[name].Json);
            first = false;
        }

        return document.Append("}}").ToString();
    }

    /// <summary>Every distinct <c>pattern</c> in the normalized schemas.</summary>
    public IEnumerable<string> Patterns()
    {
        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var json in _definitions.Values.Concat(_roots.Values).Select(v => v.Json))
        {
            CollectPatterns(JsonNode.Parse(json), patterns);
        }

        return patterns;
    }

    private static void CollectPatterns(JsonNode? node, SortedSet<string> patterns)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "pattern" && value is JsonValue pattern && pattern.TryGetValue<string>(out var text))
                    {
                        patterns.Add(text);
                    }
                    else
                    {
                        CollectPatterns(value, patterns);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectPatterns(item, patterns);
                }

                break;
        }
    }

    private static void LoadOpenApiDocument(
        string file,
        Dictionary<string, JsonObject> components,
        Dictionary<GroupVersionKind, (string Json, string[] References)> roots)
    {
        var document = JsonNode.Parse(File.ReadAllText(file)) as JsonObject;
        if (document?["components"]?["schemas"] is not JsonObject schemas)
        {
            throw new InvalidDataException($"'{file}' has no components.schemas.");
        }

        foreach (var (name, node) in schemas)
        {
            if (node is not JsonObject schema)
            {
                continue;
            }

            // Every document repeats the shared meta/v1 types; the copies are identical, so the first wins.
            components.TryAdd(name, schema);
            if (schema["x-kubernetes-group-version-kind"] is not JsonArray kinds)
            {
                continue;
            }

            foreach (var entry in kinds.OfType<JsonObject>())
            {
                var gvk = new GroupVersionKind(
                    (string?)entry["group"] ?? string.Empty,
                    (string?)entry["version"] ?? string.Empty,
                    (string?)entry["kind"] ?? string.Empty);
                roots.TryAdd(gvk, ($"{{\"$ref\":{JsonSerializer.Serialize(SchemaNormalizer.DefinitionsPrefix + name)}}}", [name]));
            }
        }
    }

    private static void LoadCrdFile(string file, Dictionary<GroupVersionKind, (string Json, string[] References)> roots)
    {
        foreach (var crd in YamlJson.ParseDocuments(File.ReadAllText(file)).OfType<JsonObject>())
        {
            if ((string?)crd["kind"] != "CustomResourceDefinition")
            {
                continue;
            }

            var group = (string?)crd["spec"]?["group"] ?? throw new InvalidDataException($"'{file}': CRD without spec.group.");
            var kind = (string?)crd["spec"]?["names"]?["kind"] ?? throw new InvalidDataException($"'{file}': CRD without spec.names.kind.");
            foreach (var version in (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                // A version that is not served is rejected by the API server, so it gets no schema here.
                if (version["served"] is not JsonValue served || !served.TryGetValue<bool>(out var isServed) || !isServed)
                {
                    continue;
                }

                var gvk = new GroupVersionKind(group, (string?)version["name"] ?? string.Empty, kind);
                var schema = version["schema"]?["openAPIV3Schema"] as JsonObject
                    ?? throw new InvalidDataException($"'{file}': {gvk} has no schema.openAPIV3Schema.");
                if (!roots.TryAdd(gvk, NormalizeCrdRoot(schema)))
                {
                    throw new InvalidDataException($"'{file}': {gvk} is defined twice.");
                }
            }
        }
    }

    private static (string Json, string[] References) NormalizeCrdRoot(JsonObject schema)
    {
        var root = (JsonObject)schema.DeepClone();
        var properties = root["properties"] as JsonObject ?? [];
        root["properties"] = properties;

        // CRDs declare metadata as a bare object; the API server validates it as ObjectMeta itself.
        properties["metadata"] = new JsonObject { ["$ref"] = SchemaNormalizer.ComponentsPrefix + ObjectMeta };
        properties["apiVersion"] ??= new JsonObject { ["type"] = "string" };
        properties["kind"] ??= new JsonObject { ["type"] = "string" };

        var normalizer = new SchemaNormalizer(customResourceRules: true);
        return (normalizer.Normalize(root).ToJsonString(), normalizer.References.ToArray());
    }
}
