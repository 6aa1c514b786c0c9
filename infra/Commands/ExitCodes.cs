namespace PgPlatform.Infra.Commands;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad input (settings, declaration) or, for <c>check</c>, violations found.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong, or an input cannot be read at all.</summary>
    public const int Usage = 2;
}
