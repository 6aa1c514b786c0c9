using PgPlatform.Infra.CommandLine;
using PgPlatform.Infra.Commands;

return await RootCommandFactory.RunAsync(args, CommandContext.FromProcess());
