namespace PgPlatform.Components.Model;

/// <summary>The scope a component opens for its children: the parent's path plus the component's name.</summary>
public sealed record ComponentScope(ResourceModel Model, IReadOnlyList<string> Path) : IComponentScope
{
    /// <summary>A child scope of <paramref name="parent"/> named <paramref name="name"/>.</summary>
    public static ComponentScope Child(IComponentScope parent, string name) => new(parent.Model, [.. parent.Path, name]);
}
