using System.Diagnostics;
using System.Globalization;

namespace PgPlatform.Stacks.Drills;

/// <summary>
/// Progress as timestamped lines (<c>[  12.3 s] linkding failover: killed member-1</c>), one per event that has a line: what
/// CI logs and redirected output show. Each line names its database, as the live view's log does, so the lines of databases
/// drilled at once (<c>nightly --concurrency 2</c>) can be told apart. Safe to write from several tasks.
/// </summary>
public sealed class PlainDrillProgress(TextWriter writer) : IDrillProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public void Report(DrillProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.Message is not { } message)
        {
            return;
        }

        lock (_gate)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:F1} s] {progress.Speaker}: {message}"));
            writer.Flush();
        }
    }
}
