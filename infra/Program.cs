using PgPlatform.Infra.CommandLine;

return await RootCommandFactory.RunAsync(args, CommandContext.FromProcess());
