using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Tiers;
using PgPlatform.Infra.Reports;
using PgPlatform.Infra.Manifests;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary><c>check PATH...</c>: the contract as a CI gate over hand-written manifests.</summary>
public sealed class CheckCommand : Command
{
    /// <summary>Files and directories to check.</summary>
    public Argument<string[]> Paths { get; } = new("paths") { Description = "YAML or JSON files, or directories (every *.yaml, *.yml and *.json below, any case; each file once, symlinks included)", Arity = ArgumentArity.OneOrMore };

    /// <summary>Tier for objects without a pg-platform.io/tier label.</summary>
    public Option<string?> Tier { get; } = new("--tier") { Description = "Tier for objects without a pg-platform.io/tier label: production, staging, development or ephemeral" };

    /// <summary>Output format.</summary>
    public Option<string> Format { get; } = new("--format") { Description = "text, json or sarif", DefaultValueFactory = _ => "text" };

    /// <summary>Creates the command.</summary>
    public CheckCommand(CommandContext context)
        : base("check", "Check manifests against the contract. Exit 0 clean, 1 violations, 2 usage error or unreadable input.")
    {
        Arguments.Add(Paths);
        Options.Add(Tier);
        Options.Add(Format);
        Format.AcceptOnlyFromAmong("text", "json", "sarif");
        Tier.AcceptOnlyFromAmong([.. TierProfiles.All.Select(t => t.Name)]);
        SetAction(parse =>
        {
            IReadOnlyList<Manifest> manifests;
            try
            {
                manifests = ManifestFiles.Load(parse.GetValue(Paths)!, context.CurrentDirectory);
            }
            catch (UnreadableInputException e)
            {
                context.WriteError(e.Message);
                return (int)ExitCode.Usage;
            }

            var tier = parse.GetValue(Tier) is { } name ? TierProfiles.All.Single(t => t.Name == name) : null;
            var report = new ViolationReport(manifests, ContractChecker.Check(manifests, tier), ContractRules.All);
            switch (parse.GetValue(Format))
            {
                case "json":
                    context.Out.WriteLine(JsonReport.Render(report));
                    break;
                case "sarif":
                    context.Out.WriteLine(SarifReport.Render(report));
                    break;
                default:
                    TextReport.Write(report, context.Out, context.Error);
                    break;
            }

            return report.Violations.Count == 0 ? (int)ExitCode.Success : (int)ExitCode.Failed;
        });
    }
}
