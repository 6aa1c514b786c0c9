namespace PgPlatform.Infra.CommandLine;

/// <summary>How a long command shows its progress (<c>--progress</c>).</summary>
public enum ProgressMode
{
    /// <summary>Live view when stdout is a terminal (and <c>TERM</c> is not <c>dumb</c>), timestamped lines otherwise.</summary>
    Auto,

    /// <summary>Timestamped lines and an aligned plain-text results table, as in CI logs.</summary>
    Plain,

    /// <summary>The live view (a table of databases x drills, the latest lines) and a drawn results table.</summary>
    Rich,
}
