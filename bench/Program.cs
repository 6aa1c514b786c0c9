using PgPlatform.Bench;

return await new BenchCommand(Console.Out).Parse(args).InvokeAsync();
