namespace PgPlatform.Stacks.Targets;

/// <summary>Shapes other components' error texts for one-line messages.</summary>
public static class Messages
{
    /// <summary>The first line of <paramref name="text"/>, trimmed (SDK messages append status, headers and content on later lines).</summary>
    public static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
