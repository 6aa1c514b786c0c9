namespace PgPlatform.Stacks.Targets;

/// <summary>The target could not be started: a prerequisite is missing or a component never became ready. Drills did not run.</summary>
public sealed class TargetUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The command that installs every prerequisite of the local target.</summary>
    public const string InstallCommand = "bash scripts/install-prereqs.sh";
}
