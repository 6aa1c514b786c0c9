namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// The exit codes of every pg-platform command; scripts and CI can rely on them (README, "Exit codes").
/// Each outcome a script must tell apart has its own code.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what was asked: synthesized, no violation, every drill passed, <c>can-i</c> said yes.</summary>
    Success = 0,

    /// <summary>Bad input (settings, declarations), contract violations, a drill that failed, or <c>can-i</c> said no.</summary>
    Failed = 1,

    /// <summary>
    /// The command line is wrong, or an input cannot be read at all: a missing path, malformed YAML, a file beyond
    /// the limits (README, "Limits"), a FIFO or device, or nothing to check.
    /// </summary>
    Usage = 2,

    /// <summary>The drill target could not be stood up: a missing prerequisite (named, with the command that installs it), no <c>pulumi</c> CLI, a stack that would not deploy.</summary>
    TargetUnavailable = 3,

    /// <summary>Drills ran and evidence was written, but an ephemeral stack could not be destroyed: cloud resources are left behind (the evidence says how to remove them).</summary>
    TeardownFailed = 4,

    /// <summary>Another run holds the output directory (<c>nightly</c>: one run per <c>--out</c>, its evidence store included); nothing was done.</summary>
    Busy = 5,

    /// <summary>Interrupted (Ctrl-C or SIGTERM) after the target was torn down; no evidence written (128 + SIGINT, as shells report it).</summary>
    Cancelled = 130,
}
