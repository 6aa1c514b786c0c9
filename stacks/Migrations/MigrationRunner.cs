using System.Diagnostics;
using DbUp;
using DbUp.Engine;
using DbUp.Support;

namespace PgPlatform.Stacks.Migrations;

/// <summary>
/// Applies an application's migrations with DbUp (dbup-postgresql), each migration in its own transaction, journaled in
/// <c>public.schemaversions</c>. DbUp rather than Evolve: DbUp is actively maintained (dbup-postgresql 7 targets
/// Npgsql 10, the driver this repository already pins, while Evolve's last release, 3.2, dates from 2023), it runs
/// plain SQL files without a DSL, and a failing script rolls back on its own, so the journal never records a half-applied
/// migration and the failure names the script.
/// </summary>
public static class MigrationRunner
{
    /// <summary>The journal table DbUp records applied migrations in.</summary>
    public const string JournalTable = "schemaversions";

    /// <summary>
    /// Applies the migrations of <paramref name="scripts"/> not yet in the journal, in version order, connected with
    /// <paramref name="connectionString"/>: pass the application's owner role so every object stays owned by it.
    /// </summary>
    public static Task<MigrationOutcome> ApplyAsync(string connectionString, IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken) =>
        Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            var engine = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                // RunGroupOrder is the version, so V10 follows V9 (DbUp otherwise orders by name).
                .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Sql, new SqlScriptOptions { ScriptType = ScriptType.RunOnce, RunGroupOrder = s.Version })))
                .JournalToPostgresqlTable("public", JournalTable)
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();
            var result = engine.PerformUpgrade();
            var applied = result.Scripts.Select(s => s.Name).Where(n => n != result.ErrorScript?.Name).ToList();
            return result.Successful
                ? new MigrationOutcome(applied, clock.Elapsed.TotalSeconds, null, null)
                : new MigrationOutcome(applied, clock.Elapsed.TotalSeconds, result.ErrorScript?.Name, result.Error?.Message.Split('\n')[0]);
        }, cancellationToken);
}
