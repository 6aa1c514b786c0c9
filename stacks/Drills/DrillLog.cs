using System.Diagnostics;
using System.Globalization;

namespace PgPlatform.Stacks.Drills;

/// <summary>Live progress lines (<c>[  12.3 s] failover: killed member-1</c>), safe to write from several tasks.</summary>
public sealed class DrillLog(TextWriter writer)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    /// <summary>A log that writes nowhere.</summary>
    public static DrillLog Silent => new(TextWriter.Null);

    /// <summary>Writes one line for <paramref name="scope"/>.</summary>
    public void Write(string scope, string message)
    {
        lock (_gate)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:F1} s] {scope}: {message}"));
            writer.Flush();
        }
    }
}
