using System.CommandLine;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Commands;

/// <summary><c>rules</c>: lists the contract, with where each rule is enforced.</summary>
public sealed class RulesCommand : Command
{
    /// <summary>Creates the command.</summary>
    public RulesCommand(CommandContext context)
        : base("rules", "List the contract's rules: id, tiers, where enforced (admission or CI-only), title.")
    {
        SetAction(_ =>
        {
            foreach (var rule in ContractRules.All)
            {
                var tiers = rule.Tiers is null ? "all" : string.Join(",", rule.Tiers.Order().Select(t => t.ToString().ToLowerInvariant()));
                context.Out.WriteLine($"{rule.Id}  {tiers,-22} {rule.Enforcement,-12}  {rule.Title}");
            }

            return (int)ExitCode.Success;
        });
    }
}
