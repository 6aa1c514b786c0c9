using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using PgPlatform.Testing.Pulumi;
using PgPlatform.Testing.Yaml;

namespace PgPlatform.Testing.Tests.Pulumi;

public sealed class PulumiProgramValidatorTests
{
    private static PulumiProgramValidator Validator => PulumiProgramValidator.Shared;

    [Fact]
    public void ValidProgramPasses()
    {
        Assert.Empty(Validator.Validate(Program()));
    }

    [Fact]
    public void UnknownTypeTokenNamesResourceAndToken()
    {
        var program = Program();
        program["resources"]!["cnpg"]!["type"] = "kubernetes:helm.sh/v3:Relase";

        Assert.Equal(["resources.cnpg: unknown resource type \"kubernetes:helm.sh/v3:Relase\""], Validator.Validate(program));
    }

    [Fact]
    public void ReleaseWithoutChartIsMissingARequiredInput()
    {
        var program = Program();
        program["resources"]!["cnpg"]!["properties"]!.AsObject().Remove("chart");

        Assert.Equal(
            ["resources.cnpg (kubernetes:helm.sh/v3:Release): missing required input \"chart\""],
            Validator.Validate(program));
    }

    [Fact]
    public void UnknownInputIsRejected()
    {
        var program = Program();
        var properties = program["resources"]!["databases"]!["properties"]!.AsObject();
        properties["obj"] = properties["objs"]!.DeepClone();
        properties.Remove("objs");

        Assert.Equal(
            ["resources.databases (kubernetes:yaml/v2:ConfigGroup): unknown input \"obj\""],
            Validator.Validate(program));
    }

    [Fact]
    public void DanglingReferenceIsRejected()
    {
        var program = Program();
        program["resources"]!["vault"]!["properties"]!["resourceGroupName"] = "${nope.id}";

        Assert.Equal(
            ["resources.vault.properties.resourceGroupName: ${nope.id} refers to \"nope\", which is not a declared resource, variable or config value"],
            Validator.Validate(program));
    }

    [Theory]
    [InlineData("random:RandomPassword")]
    [InlineData("random:index:RandomPassword")]
    [InlineData("random:index/randomPassword:RandomPassword")]
    public void TokensResolveLikePulumiYaml(string token)
    {
        var program = Program();
        program["resources"]!["ownerPassword"]!["type"] = token;

        Assert.Empty(Validator.Validate(program));
    }

    [Fact]
    public void NestedAzurePropertiesAreChecked()
    {
        var program = Program();
        program["resources"]!["vault"]!["properties"]!["properties"]!["sku"] = new JsonObject { ["nam"] = "standard" };

        var errors = Validator.Validate(program);

        Assert.Contains(errors, e => e.StartsWith("resources.vault (azure-native:keyvault:Vault): properties.properties.sku.nam: unknown property", StringComparison.Ordinal));
        Assert.Contains("resources.vault (azure-native:keyvault:Vault): properties.properties.sku.family: required property is missing", errors);
        Assert.Contains("resources.vault (azure-native:keyvault:Vault): properties.properties.sku.name: required property is missing", errors);
    }

    [Fact]
    public void LiteralTypesAreCheckedButExpressionsAreNot()
    {
        var program = Program();
        program["resources"]!["ownerPassword"]!["properties"]!["length"] = "32";
        program["resources"]!["ownerPassword"]!["properties"]!["special"] = "${tier}";
        program["resources"]!["vault"]!["properties"]!["properties"]!["enablePurgeProtection"] = new JsonObject { ["fn::secret"] = true };

        Assert.Equal(
            ["resources.ownerPassword (random:RandomPassword): properties.length: expected integer, got string \"32\""],
            Validator.Validate(program));
    }

    [Fact]
    public void UnknownOptionAndResourceKeyAreRejected()
    {
        var program = Program();
        program["resources"]!["vault"]!["options"]!["protected"] = true;
        program["resources"]!["rg"]!["propertes"] = new JsonObject();

        var errors = Validator.Validate(program);

        Assert.Contains("resources.vault.options.protected: unknown resource option", errors);
        Assert.Contains(errors, e => e.StartsWith("resources.rg.propertes: unknown resource key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("properties.value")]
    [InlineData("properties")]
    [InlineData("tags[\"owner\"]")]
    [InlineData("*")]
    public void IgnoreChangesNamingAnInputOrATypedPropertyInItPasses(string path)
    {
        var program = Program();
        program["resources"]!["ownerSecret"]!["options"]!["ignoreChanges"] = new JsonArray(path);

        Assert.Empty(Validator.Validate(program));
    }

    [Fact]
    public void IgnoreChangesResolvesArraysAndNestedTypesOfTheProviderSchema()
    {
        var program = Program();
        program["resources"]!["vault"]!["options"]!["ignoreChanges"] = new JsonArray("properties.accessPolicies[0].tenantId", "properties.accessPolicies[*].objectId", "properties.sku.name");

        Assert.Empty(Validator.Validate(program));
    }

    [Theory]
    [InlineData("value", "\"value\" is no input of azure-native:keyvault:Secret (inputs: properties, resourceGroupName, secretName, tags, vaultName)")]
    [InlineData("properties.valeu", "properties has no property \"valeu\" (known: attributes, contentType, value)")]
    [InlineData("properties.value.text", "properties.value is a string and has no \"text\"")]
    [InlineData("properties[0]", "properties has no property \"[0]\" (known: attributes, contentType, value)")]
    [InlineData("properties.", "\"properties.\": ends with '.'")]
    [InlineData("properties[value", "\"properties[value\": '[' at 10 is never closed")]
    public void IgnoreChangesNamingNoInputOfTheTypeIsRejectedWithThePathAndTheKnownNames(string path, string problem)
    {
        var program = Program();
        program["resources"]!["ownerSecret"]!["options"]!["ignoreChanges"] = new JsonArray("properties.value", path);

        Assert.Equal([$"resources.ownerSecret.options.ignoreChanges[1] (azure-native:keyvault:Secret): {problem}"], Validator.Validate(program));
    }

    [Fact]
    public void IgnoreChangesMustBeAListOfPaths()
    {
        var program = Program();
        program["resources"]!["ownerSecret"]!["options"]!["ignoreChanges"] = "properties.value";
        program["resources"]!["vault"]!["options"]!["ignoreChanges"] = new JsonArray(1);

        Assert.Equal(
            ["resources.vault.options.ignoreChanges[0] (azure-native:keyvault:Vault): expected a property path (a string)",
             "resources.ownerSecret.options.ignoreChanges: expected a list of property paths"],
            Validator.Validate(program));
    }

    [Fact]
    public void UnknownFunctionsAreRejected()
    {
        var program = Program();
        program["variables"]!["vaultInfo"] = Parse("fn::invoke: {function: azure-native:keyvault:getVault, arguments: {vaultName: x}}");
        program["variables"]!["shorthand"] = Parse("fn::azure-native:authorization:getClientConfig: {}");
        program["variables"]!["typo"] = Parse("fn::jion: [',', [a, b]]");

        Assert.Equal(
            [
                "variables.vaultInfo.fn::invoke: unknown function \"azure-native:keyvault:getVault\"",
                "variables.typo.fn::jion: unknown built-in function \"fn::jion\"",
            ],
            Validator.Validate(program));
    }

    [Theory]
    [InlineData("costs $${nope}", true)]
    [InlineData("$$$${nope}", true)]
    [InlineData("${pulumi.project}-${pulumi.stack}", true)]
    [InlineData("${rg.name}/${vault.properties.vaultUri}", true)]
    [InlineData("${pulumi.stak}", false)]
    [InlineData("$${ok}${nope}", false)]
    [InlineData("${rg.name", false)]
    public void InterpolationsMustReferToDeclaredNames(string value, bool valid)
    {
        var program = Program();
        program["outputs"]!["probe"] = value;

        Assert.Equal(valid, Validator.Validate(program).Count == 0);
    }

    [Fact]
    public void GetSkipsRequiredInputs()
    {
        var program = Program();
        program["resources"]!["existing"] = Parse("type: azure-native:keyvault:Vault\nget: {id: /subscriptions/x}\n");

        Assert.Empty(Validator.Validate(program));
    }

    [Fact]
    public void UnknownTopLevelKeyIsRejected()
    {
        var program = Program();
        program["resource"] = new JsonObject();

        Assert.Equal(["resource: unknown top-level key"], Validator.Validate(program));
    }

    [Fact]
    public void SharedIsOneValidatorOfTheRepositorysSchemasForEveryThread()
    {
        var seen = new ConcurrentBag<PulumiProgramValidator>();
        Parallel.For(0, 16, _ => seen.Add(PulumiProgramValidator.Shared));
        var shared = seen.First();
        Assert.All(seen, v => Assert.Same(shared, v));

        Assert.Empty(shared.Validate(Program()));
        var program = Program();
        program["resources"]!["cnpg"]!["type"] = "kubernetes:helm.sh/v3:Relase";
        Assert.NotEmpty(shared.Validate(program));
    }

    [Fact]
    public void LoadFailsClearlyWithoutTheSchemaFiles()
    {
        using var tree = new TempTree();

        var error = Assert.Throws<InvalidDataException>(() => PulumiProgramValidator.Load(tree.Root));

        Assert.Contains("random-schema-*.json", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Program() => Parse(PulumiPrograms.Valid);

    private static JsonObject Parse(string yaml) =>
        YamlJson.ParseDocument(yaml) as JsonObject ?? throw new InvalidOperationException("not a mapping");
}
