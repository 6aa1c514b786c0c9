using PgPlatform.Stacks.Commands;

return await RootCommandFactory.RunAsync(args, CommandContext.FromProcess());
