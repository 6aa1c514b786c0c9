namespace PgPlatform.Testing.Pulumi;

/// <summary>The fixed vocabulary of Pulumi YAML programs (keys, resource options, built-in functions).</summary>
internal static class PulumiYamlSyntax
{
    /// <summary>Top-level keys of a program; the project-file keys are allowed so a whole Pulumi.yaml can be checked.</summary>
    public static readonly IReadOnlySet<string> TopLevelKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "runtime", "description", "config", "configuration", "variables", "resources", "outputs", "packages",
        "main", "stackConfigDir", "backend", "options", "plugins", "template", "author", "license", "website", "pulumi",
    };

    /// <summary>Keys of one entry under <c>resources</c>.</summary>
    public static readonly IReadOnlySet<string> ResourceKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "properties", "options", "get", "defaultProvider",
    };

    /// <summary>
    /// Resource options Pulumi YAML accepts under <c>options</c>: the Pulumi YAML reference's list plus
    /// <c>providers</c>, which pulumi-yaml's ResourceOptionsDecl also parses.
    /// </summary>
    public static readonly IReadOnlySet<string> ResourceOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "dependsOn", "provider", "providers", "parent", "protect", "ignoreChanges", "aliases", "customTimeouts",
        "deleteBeforeReplace", "additionalSecretOutputs", "version", "pluginDownloadURL", "replaceOnChanges",
        "retainOnDelete", "import", "deletedWith", "hideDiffs", "replaceWith", "replacementTrigger",
    };

    /// <summary>Built-in <c>fn::</c> functions other than <c>fn::invoke</c>, lower-cased (Pulumi YAML matches them case-insensitively).</summary>
    public static readonly IReadOnlySet<string> BuiltinFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "fn::join", "fn::split", "fn::select", "fn::tojson", "fn::tobase64", "fn::frombase64", "fn::secret",
        "fn::readfile", "fn::stackreference", "fn::assetarchive", "fn::rfc3339tounix",
        "fn::stringasset", "fn::fileasset", "fn::remoteasset", "fn::filearchive", "fn::remotearchive",
    };

    /// <summary>Properties of the <c>pulumi</c> variable available in every program.</summary>
    public static readonly IReadOnlySet<string> PulumiVariableProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "stack", "project", "organization", "cwd", "rootDirectory",
    };
}
