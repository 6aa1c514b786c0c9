namespace PgPlatform.Components.Model;

/// <summary>A declared resource in the model. Its <see cref="Name"/> is the stable logical name derived from the component path.</summary>
public abstract record Resource(string Name)
{
    /// <summary>Logical names of resources this one must be created after.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];
}
