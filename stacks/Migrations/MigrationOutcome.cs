using System.Globalization;

namespace PgPlatform.Stacks.Migrations;

/// <summary>What applying migrations did: the files applied, how long it took, and the file that failed with its error.</summary>
/// <param name="Applied">Migrations applied by this run, in order (a failed one is not among them).</param>
/// <param name="Seconds">How long the run took.</param>
/// <param name="FailedScript">The migration that failed, or null.</param>
/// <param name="Error">Its error, or null.</param>
public sealed record MigrationOutcome(IReadOnlyList<string> Applied, double Seconds, string? FailedScript, string? Error)
{
    /// <summary>True when no migration failed.</summary>
    public bool Passed => FailedScript is null && Error is null;

    /// <summary>The evidence text: <c>passed (N applied in X s)</c>, or <c>failed: NAME: ERROR</c>.</summary>
    public string Describe() => Passed
        ? string.Create(CultureInfo.InvariantCulture, $"passed ({Applied.Count} applied in {Seconds:F2} s)")
        : $"failed: {FailedScript ?? "(before any migration)"}: {Error}";
}
