namespace PgPlatform.Components.Model;

/// <summary>
/// A resource that only the Pulumi engine creates (an Azure resource, a generated password):
/// a provider type token and its input properties. Property values are plain values, lists,
/// dictionaries, <see cref="OutputReference"/>s or <see cref="InvokeExpression"/>s.
/// </summary>
public sealed record PulumiResource(string Name, string Type, IReadOnlyDictionary<string, object?> Properties) : Resource(Name)
{
    /// <summary>Output property names whose values Pulumi must treat as secret.</summary>
    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];

    /// <summary>
    /// Input property paths (Pulumi property path syntax, <c>properties.value</c>) that something other than the program
    /// changes after creation: Pulumi sets them on create, then keeps the value recorded in its state (resource option
    /// <c>ignoreChanges</c>), so a changed program value neither updates nor replaces the resource.
    /// </summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];
}
