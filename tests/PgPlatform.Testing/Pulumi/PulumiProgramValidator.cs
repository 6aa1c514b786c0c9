using System.Text.Json.Nodes;

namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Checks a Pulumi YAML program against the provider schema data in <c>shared/schemas/pulumi</c>:
/// every resource type token is known, required inputs are set, no input is unknown (for random and
/// azure-native also nested property names and literal types), only real resource options are used,
/// every <c>${name}</c> refers to something declared, and invoked functions exist.
/// </summary>
public sealed class PulumiProgramValidator
{
    private static readonly Lazy<PulumiProgramValidator> LazyShared =
        new(() => Load(Path.Combine(SharedSchemas.Root, "pulumi")), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PulumiSchemaCatalog _catalog;
    private readonly PulumiInputTypeChecker _typeChecker;

    private PulumiProgramValidator(PulumiSchemaCatalog catalog)
    {
        _catalog = catalog;
        _typeChecker = new PulumiInputTypeChecker(catalog.Types);
    }

    /// <summary>The validator for <c>shared/schemas/pulumi</c>, loaded once per process on first use.</summary>
    public static PulumiProgramValidator Shared => LazyShared.Value;

    /// <summary>Loads the provider schema data from a folder laid out like <c>shared/schemas/pulumi</c>.</summary>
    /// <param name="pulumiSchemaDir">The folder holding the random, azure-native and kubernetes schema files.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A schema file is missing, duplicated or malformed.</exception>
    public static PulumiProgramValidator Load(string pulumiSchemaDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pulumiSchemaDir);
        return new PulumiProgramValidator(PulumiSchemaCatalog.Load(pulumiSchemaDir));
    }

    /// <summary>Validates a parsed Pulumi YAML program.</summary>
    /// <param name="program">The program (keys such as <c>name</c>, <c>runtime</c>, <c>config</c>, <c>variables</c>, <c>resources</c>, <c>outputs</c>).</param>
    /// <returns>Empty when valid; otherwise one line per problem, each naming where it is.</returns>
    public IReadOnlyList<string> Validate(JsonObject program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var errors = new List<string>();
        foreach (var (key, _) in program)
        {
            if (!PulumiYamlSyntax.TopLevelKeys.Contains(key))
            {
                errors.Add($"{key}: unknown top-level key");
            }
        }

        var resources = Section(program, "resources", errors);
        var variables = Section(program, "variables", errors);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        declared.UnionWith(resources.Select(r => r.Key));
        declared.UnionWith(variables.Select(v => v.Key));
        declared.UnionWith(Section(program, "config", errors).Select(c => c.Key));
        declared.UnionWith(Section(program, "configuration", errors).Select(c => c.Key));

        foreach (var (name, declaration) in resources)
        {
            ValidateResource(name, declaration, errors);
        }

        var scanner = new PulumiExpressionScanner(_catalog, declared);
        scanner.Scan(resources, "resources", errors);
        scanner.Scan(variables, "variables", errors);
        scanner.Scan(program["outputs"], "outputs", errors);
        return errors;
    }

    private void ValidateResource(string name, JsonNode? declaration, List<string> errors)
    {
        var at = $"resources.{name}";
        if (declaration is not JsonObject resource)
        {
            errors.Add($"{at}: a resource must be a mapping with 'type' and 'properties'");
            return;
        }

        foreach (var (key, _) in resource)
        {
            if (!PulumiYamlSyntax.ResourceKeys.Contains(key))
            {
                errors.Add($"{at}.{key}: unknown resource key (allowed: {string.Join(", ", PulumiYamlSyntax.ResourceKeys)})");
            }
        }

        ValidateOptions(at, resource["options"], errors);
        if (resource["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var token))
        {
            errors.Add($"{at}: missing 'type' (a resource type token)");
            return;
        }

        var schema = _catalog.ResolveResource(token);
        if (schema is null)
        {
            errors.Add($"{at}: unknown resource type \"{token}\"");
            return;
        }

        var properties = resource["properties"] as JsonObject ?? [];
        if (resource["properties"] is not (null or JsonObject))
        {
            errors.Add($"{at}.properties: expected a mapping of inputs");
        }

        // A 'get' reads an existing resource by id, so its inputs need not be complete.
        if (!resource.ContainsKey("get"))
        {
            foreach (var required in schema.Required.Order(StringComparer.Ordinal))
            {
                if (properties[required] is null)
                {
                    errors.Add($"{at} ({token}): missing required input \"{required}\"");
                }
            }
        }

        ValidateIgnoreChanges(at, token, schema, resource["options"]?["ignoreChanges"], errors);
        foreach (var (input, value) in properties)
        {
            if (!schema.Inputs.TryGetValue(input, out var spec))
            {
                errors.Add($"{at} ({token}): unknown input \"{input}\"");
            }
            else if (schema.ChecksNestedTypes)
            {
                var typeErrors = new List<string>();
                _typeChecker.Check(value, spec, $"properties.{input}", typeErrors);
                errors.AddRange(typeErrors.Select(e => $"{at} ({token}): {e}"));
            }
        }
    }

    /// <summary><c>ignoreChanges</c>: a list of property paths, each naming an input of the resource's type (and, where the schema types it, a property in it).</summary>
    private void ValidateIgnoreChanges(string at, string token, PulumiResourceSchema schema, JsonNode? paths, List<string> errors)
    {
        if (paths is null || PulumiInputTypeChecker.IsExpression(paths))
        {
            return;
        }

        if (paths is not JsonArray list)
        {
            errors.Add($"{at}.options.ignoreChanges: expected a list of property paths");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var problem = list[i] is JsonValue value && value.TryGetValue<string>(out var path)
                ? PulumiPropertyPath.Check(path, schema, _catalog.Types)
                : "expected a property path (a string)";
            if (problem is not null)
            {
                errors.Add($"{at}.options.ignoreChanges[{i}] ({token}): {problem}");
            }
        }
    }

    private static void ValidateOptions(string at, JsonNode? options, List<string> errors)
    {
        if (options is null)
        {
            return;
        }

        if (options is not JsonObject optionMap)
        {
            errors.Add($"{at}.options: expected a mapping of resource options");
            return;
        }

        foreach (var (option, _) in optionMap)
        {
            if (!PulumiYamlSyntax.ResourceOptions.Contains(option))
            {
                errors.Add($"{at}.options.{option}: unknown resource option");
            }
        }
    }

    private static JsonObject Section(JsonObject program, string key, List<string> errors)
    {
        switch (program[key])
        {
            case null:
                return [];
            case JsonObject section:
                return section;
            default:
                errors.Add($"{key}: expected a mapping");
                return [];
        }
    }
}
