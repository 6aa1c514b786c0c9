namespace PgPlatform.Components.Declaration;

/// <summary>
/// An application's database schema as the platform drills it: versioned migrations kept in the repository, applied in
/// version order as the application's owner role, the data the restore drill seeds through it, and reads that show the
/// application works on a restored database.
/// </summary>
public sealed record ApplicationSchema
{
    /// <summary>
    /// Folder of the migrations, relative to the repository root: files <c>V&lt;version&gt;__&lt;description&gt;.sql</c>,
    /// applied in version order, each once. A release adds a file; an applied file never changes.
    /// </summary>
    public required string MigrationsDirectory { get; init; }

    /// <summary>
    /// File in <see cref="MigrationsDirectory"/> (not a migration) that inserts one batch of application data at the
    /// schema's released version; the restore drill runs it until the database reaches the drill's data size.
    /// </summary>
    public string SeedFile { get; init; } = "seed.sql";

    /// <summary>Reads the application depends on, each returning one count that must be positive on seeded data.</summary>
    public required IReadOnlyList<SmokeQuery> SmokeQueries { get; init; }
}
