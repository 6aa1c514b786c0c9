namespace PgPlatform.Components.Model;

/// <summary>Where a component lives: the model it adds to and its path from the root.</summary>
public interface IComponentScope
{
    /// <summary>The model the component adds resources to.</summary>
    ResourceModel Model { get; }

    /// <summary>Component names from the root to this scope.</summary>
    IReadOnlyList<string> Path { get; }
}
