using PgPlatform.Components.Model;
using PgPlatform.Infra.Settings;

namespace PgPlatform.Infra.Commands;

/// <summary>Runs a command's work and turns known failures into one clear line on stderr and an exit code, never a stack trace.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="work"/>; bad settings and declarations exit <see cref="ExitCodes.Failed"/>.</summary>
    public static int Run(CommandContext context, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (SettingsException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (DeclarationException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
