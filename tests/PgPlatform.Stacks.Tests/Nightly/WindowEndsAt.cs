using System.Text;

namespace PgPlatform.Stacks.Tests.Nightly;

/// <summary>A log writer that ends the night's window (once, off the writing thread) when a line containing <paramref name="marker"/> is written.</summary>
internal sealed class WindowEndsAt(string marker, Action endWindow, TextWriter inner) : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private int _ended;

    /// <summary>True once the window was ended.</summary>
    public bool Ended => Volatile.Read(ref _ended) == 1;

    /// <summary>Everything written.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _text.AppendLine(value);
        }

        inner.WriteLine(value);
        if (value is not null && value.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref _ended, 1) == 0)
        {
            // Off the writing thread: the cancellation callbacks it runs may log themselves.
            _ = Task.Run(endWindow);
        }
    }
}
