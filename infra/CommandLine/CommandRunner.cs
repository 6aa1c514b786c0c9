using PgPlatform.Components.Contract;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;

namespace PgPlatform.Infra.CommandLine;

/// <summary>Runs a command's work and turns known failures into clear lines on stderr and an exit code, never a stack trace.</summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="work"/>; bad settings, declarations and file problems exit <see cref="ExitCode.Failed"/>, a stack file that cannot be read at all <see cref="ExitCode.Usage"/>.</summary>
    public static int Run(CommandContext context, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (Known(e))
        {
            // Stacks are modelled in parallel, so one bad input may arrive wrapped, and several at once.
            var failures = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e];
            foreach (var failure in failures.DistinctBy(f => f.Message).OrderBy(f => f.Message, StringComparer.Ordinal))
            {
                context.WriteError(failure.Message);
                if (failure is ContractViolationException contract)
                {
                    foreach (var violation in contract.Violations)
                    {
                        context.Error.WriteLine($"  {violation}");
                    }
                }
            }

            return (int)InputFailure.CodeOf(failures);
        }
    }

    private static bool Known(Exception e) => e switch
    {
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(Known),
        SettingsException or DeclarationException or ContractViolationException or IOException or UnauthorizedAccessException => true,
        _ => false,
    };
}
