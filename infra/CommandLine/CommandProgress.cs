using System.CommandLine;
using PgPlatform.Infra.Reports;
using PgPlatform.Stacks.Drills;
using Spectre.Console;

namespace PgPlatform.Infra.CommandLine;

/// <summary>
/// Where a long command's progress and results go, decided in one place (<see cref="For"/>): on a terminal, a live
/// Spectre view of every database x drill and a drawn results table; anywhere else (a pipe, a file, CI), timestamped
/// lines and an aligned plain-text table.
/// </summary>
public sealed class CommandProgress
{
    /// <summary>How often the live view is redrawn while the work runs.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private readonly TextWriter _out;
    private readonly IAnsiConsole? _console;
    private readonly LiveDrillProgress? _live;

    /// <summary>Plain progress: timestamped lines on <paramref name="output"/>.</summary>
    public CommandProgress(TextWriter output)
    {
        _out = output;
        Log = new DrillLog(output);
    }

    /// <summary>Live progress drawn on <paramref name="console"/>, elapsed times read from <paramref name="time"/>.</summary>
    public CommandProgress(IAnsiConsole console, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _out = console.Profile.Out.Writer;
        _live = new LiveDrillProgress(time);
        Log = new DrillLog(_live);
    }

    /// <summary>The log the command's work reports into.</summary>
    public DrillLog Log { get; }

    /// <summary>The console the live view draws on; null for plain progress.</summary>
    internal IAnsiConsole? Console => _console;

    /// <summary>True when progress is drawn live (a terminal, or <c>--progress rich</c>).</summary>
    public bool IsLive => _console is not null;

    /// <summary>The <c>--progress</c> option of a long command.</summary>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--progress")
        {
            Description = "How progress shows: auto (a live table of databases x drills and a drawn results table when stdout is a terminal and TERM is not dumb; timestamped lines and a plain-text table otherwise, as in CI logs; NO_COLOR drops colours), plain or rich",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "plain", "rich");
        return option;
    }

    /// <summary>
    /// The progress <paramref name="context"/> gets for <paramref name="mode"/> (<c>auto</c>, <c>plain</c>, <c>rich</c>):
    /// live only when asked for or, for <c>auto</c>, when stdout is a terminal and <c>TERM</c> is not <c>dumb</c>.
    /// A set, non-empty <c>NO_COLOR</c> keeps the live view but drops its colours (https://no-color.org).
    /// </summary>
    public static CommandProgress For(CommandContext context, string? mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Choose(context, mode) != ProgressMode.Rich)
        {
            return new CommandProgress(context.Out);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = Colours(context.GetEnvironmentVariable),
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        return new CommandProgress(console, TimeProvider.System);
    }

    /// <summary>What <see cref="For"/> decides for <paramref name="mode"/>: <see cref="ProgressMode.Plain"/> or <see cref="ProgressMode.Rich"/>.</summary>
    public static ProgressMode Choose(CommandContext context, string? mode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return mode switch
        {
            "plain" => ProgressMode.Plain,
            "rich" => ProgressMode.Rich,
            _ => context.OutputIsTerminal && context.GetEnvironmentVariable("TERM") != "dumb" ? ProgressMode.Rich : ProgressMode.Plain,
        };
    }

    /// <summary>
    /// The colours of the live view, read from the command's environment (Spectre's own detection reads the process's):
    /// none under a non-empty <c>NO_COLOR</c>, 24-bit for <c>COLORTERM</c> truecolor or 24bit, 256 for a <c>TERM</c>
    /// ending in 256color, the 16 standard ones otherwise.
    /// </summary>
    public static ColorSystemSupport Colours(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !string.IsNullOrEmpty(environment("NO_COLOR")) ? ColorSystemSupport.NoColors
            : environment("COLORTERM") is "truecolor" or "24bit" ? ColorSystemSupport.TrueColor
            : environment("TERM")?.EndsWith("256color", StringComparison.Ordinal) == true ? ColorSystemSupport.EightBit
            : ColorSystemSupport.Standard;
    }

    /// <summary>
    /// Runs <paramref name="work"/>; when live, redraws the view every <see cref="RefreshInterval"/> until it ends and
    /// leaves its last state on screen. Whatever <paramref name="work"/> throws propagates.
    /// </summary>
    public async Task<T> ShowAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_console is null || _live is null)
        {
            return await work();
        }

        return await _console.Live(_live.Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            var running = work();
            while (await Task.WhenAny(running, Task.Delay(RefreshInterval)) != running)
            {
                context.UpdateTarget(_live.Render());
            }

            context.UpdateTarget(_live.Render());
            return await running;
        });
    }

    /// <summary>Writes the results: a drawn table when live, aligned plain text otherwise.</summary>
    public void WriteResults(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (_console is null)
        {
            table.WritePlain(_out);
            return;
        }

        _console.Write(table.ToRenderable());
    }
}
