namespace PgPlatform.Stacks.Migrations;

/// <summary>One versioned migration file: <c>V&lt;Version&gt;__&lt;description&gt;.sql</c>.</summary>
/// <param name="Version">Its version; migrations apply in this order.</param>
/// <param name="Name">The file name, as the journal records it.</param>
/// <param name="Sql">Its SQL.</param>
public sealed record MigrationScript(int Version, string Name, string Sql);
