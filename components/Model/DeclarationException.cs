namespace PgPlatform.Components.Model;

/// <summary>
/// A declaration that cannot be synthesized. The message says what is wrong and where;
/// <see cref="Fix"/> says how to correct it. Never carries a secret value.
/// </summary>
public sealed class DeclarationException(string problem, string fix) : Exception($"{problem}. Fix: {fix}")
{
    /// <summary>What is wrong, and where.</summary>
    public string Problem { get; } = problem;

    /// <summary>How to correct it.</summary>
    public string Fix { get; } = fix;
}
