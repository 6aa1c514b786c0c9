namespace PgPlatform.Stacks.Commands;

/// <summary>Exit codes scripts can rely on.</summary>
public static class ExitCodes
{
    /// <summary>Every drill passed.</summary>
    public const int Success = 0;

    /// <summary>At least one drill failed (or the run was cancelled).</summary>
    public const int Failed = 1;

    /// <summary>The target could not start; a missing prerequisite is named with the command that installs it.</summary>
    public const int TargetUnavailable = 2;

    /// <summary>The command line is wrong (same code as <see cref="TargetUnavailable"/>: nothing ran).</summary>
    public const int Usage = 2;
}
