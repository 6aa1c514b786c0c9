using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>
/// Validates Kubernetes objects against the schemas in <c>shared/schemas</c> (Kubernetes 1.35 built-in
/// kinds and the pinned CRDs), as strictly as the API server with strict field validation: unknown
/// fields, wrong types, missing required fields, and kinds without a served schema are all errors.
/// Not checked: CEL rules (<c>x-kubernetes-validations</c>), list-map key uniqueness, and the API
/// server's hand-written validation (name formats, label syntax, immutable fields).
/// </summary>
public sealed class KubernetesSchemaValidator
{
    private static readonly Lazy<KubernetesSchemaValidator> LazyShared =
        new(() => Load(SharedSchemas.Root), LazyThreadSafetyMode.ExecutionAndPublication);

    // Only the formats the API server itself enforces; int32, int64, int-or-string and the like are type hints.
    private static readonly JsonSchemaValidator Validator = new(new JsonSchemaValidatorSettings
    {
        FormatValidators = [new ByteFormatValidator(), new DateTimeFormatValidator()],
    });

    private readonly KubernetesSchemaCatalog _catalog;
    private readonly ConcurrentDictionary<GroupVersionKind, Lazy<CompiledSchema>> _compiled = new();

    static KubernetesSchemaValidator()
    {
        // NJsonSchema matches patterns through the static Regex cache; the schemas use more distinct
        // patterns than its default 15 entries, and re-parsing them per value is the main cost.
        Regex.CacheSize = Math.Max(Regex.CacheSize, 256);
    }

    private KubernetesSchemaValidator(KubernetesSchemaCatalog catalog) => _catalog = catalog;

    /// <summary>The validator for <see cref="SharedSchemas.Root"/>, loaded once per process on first use.</summary>
    public static KubernetesSchemaValidator Shared => LazyShared.Value;

    /// <summary>Every kind this validator has a schema for, as <c>apiVersion Kind</c> (e.g. <c>apps/v1 Deployment</c>).</summary>
    public IReadOnlyCollection<string> Kinds => _catalog.Kinds.Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();

    /// <summary>Loads the built-in and CRD schemas from a <c>shared/schemas</c> folder.</summary>
    /// <param name="schemasRoot">Folder holding <c>kubernetes/*.json</c> and <c>crds/**/*.yaml</c>.</param>
    /// <exception cref="DirectoryNotFoundException">A required sub-folder is missing.</exception>
    /// <exception cref="InvalidDataException">A schema file is malformed.</exception>
    public static KubernetesSchemaValidator Load(string schemasRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemasRoot);
        return new KubernetesSchemaValidator(KubernetesSchemaCatalog.Load(schemasRoot));
    }

    /// <summary>Validates one object.</summary>
    /// <param name="obj">The object, as a manifest would hold it.</param>
    /// <returns>Empty when valid; otherwise one line per problem, e.g. <c>Cluster/db: spec.instances: expected integer, got string "three"</c>.</returns>
    public IReadOnlyList<string> Validate(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = StringMember(obj, "apiVersion");
        var kind = StringMember(obj, "kind");
        var label = $"{kind ?? "<no kind>"}/{StringMember(obj["metadata"] as JsonObject, "name") ?? "<no name>"}";
        if (apiVersion is null || kind is null)
        {
            return [$"{label}: apiVersion and kind must both be set to strings"];
        }

        var gvk = GroupVersionKind.FromApiVersion(apiVersion, kind);
        if (!_catalog.Contains(gvk))
        {
            return [$"{label}: no schema for {gvk}"];
        }

        var compiled = CompiledFor(gvk);
        var token = JsonNodeToJToken.Convert(obj);
        ICollection<ValidationError> errors;

        // NJsonSchema does not promise that one schema graph can serve concurrent validations, so they
        // take turns per kind; a validation takes well under a millisecond.
        lock (compiled)
        {
            errors = Validator.Validate(token, compiled.Schema);
        }

        return ValidationErrorFormatter.Format(errors).Distinct().Select(e => $"{label}: {e}").ToList();
    }

    /// <summary>Validates every document of a multi-document YAML stream; empty documents are skipped.</summary>
    /// <param name="yamlText">The YAML text, documents separated by <c>---</c>.</param>
    /// <returns>Empty when all documents are valid; otherwise the problems, each prefixed with its document number.</returns>
    public IReadOnlyList<string> ValidateYamlDocuments(string yamlText)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlJson.ParseDocuments(yamlText);
        }
        catch (InvalidDataException ex)
        {
            return [ex.Message];
        }

        var errors = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            switch (documents[i])
            {
                case null:
                    break;
                case JsonObject obj:
                    errors.AddRange(Validate(obj).Select(e => $"document {i + 1}: {e}"));
                    break;
                default:
                    errors.Add($"document {i + 1}: expected a Kubernetes object (a mapping), got {documents[i]!.GetValueKind()}");
                    break;
            }
        }

        return errors;
    }

    /// <summary>Compiles the schema of every kind now instead of on first use; returns the number compiled.</summary>
    internal int CompileAll()
    {
        foreach (var kind in _catalog.Kinds)
        {
            _ = CompiledFor(kind);
        }

        return _compiled.Count;
    }

    /// <summary>Every distinct regular-expression pattern the schemas use.</summary>
    internal IEnumerable<string> Patterns() => _catalog.Patterns();

    private CompiledSchema CompiledFor(GroupVersionKind gvk) =>
        _compiled.GetOrAdd(gvk, g => new Lazy<CompiledSchema>(() => Compile(g))).Value;

    private CompiledSchema Compile(GroupVersionKind gvk)
    {
        var document = _catalog.BuildDocument(gvk);

        // Off the caller's synchronization context: FromJsonAsync is async-only.
        var schema = Task.Run(() => JsonSchema.FromJsonAsync(document)).GetAwaiter().GetResult();
        return new CompiledSchema(schema);
    }

    private static string? StringMember(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed record CompiledSchema(JsonSchema Schema);
}
