namespace PgPlatform.Stacks.Tests;

/// <summary>Position of a test in a class ordered by <see cref="RunOrderOrderer"/>; tests without it run last.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunOrderAttribute(int position) : Attribute
{
    /// <summary>Lower runs first.</summary>
    public int Position { get; } = position;
}
