using PgPlatform.Components.Settings;

namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// The exit code of bad input, the same for every command (README, "Exit codes"): a stack file that cannot be read at
/// all (missing, malformed YAML, beyond the limits, a FIFO or device) is <see cref="ExitCode.Usage"/>, settings or
/// declarations that are read but wrong <see cref="ExitCode.Failed"/>.
/// </summary>
public static class InputFailure
{
    /// <summary><see cref="ExitCode.Usage"/> for an unreadable stack file, else <see cref="ExitCode.Failed"/>.</summary>
    public static ExitCode CodeOf(Exception failure) => failure is SettingsException { Unreadable: true } ? ExitCode.Usage : ExitCode.Failed;

    /// <summary>
    /// <see cref="ExitCode.Usage"/> when every one of <paramref name="failures"/> is an unreadable stack file, else
    /// <see cref="ExitCode.Failed"/>.
    /// </summary>
    public static ExitCode CodeOf(IEnumerable<Exception> failures) => failures.All(f => CodeOf(f) == ExitCode.Usage) ? ExitCode.Usage : ExitCode.Failed;
}
