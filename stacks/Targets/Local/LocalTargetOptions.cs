namespace PgPlatform.Stacks.Targets.Local;

/// <summary>Where the local target finds its programs and how long it waits. Every property documents its default.</summary>
public sealed record LocalTargetOptions
{
    /// <summary>PostgreSQL 15's bin directory. Default: <c>/usr/lib/postgresql/15/bin</c> (Debian's postgresql-15).</summary>
    public string PostgresBinDirectory { get; init; } = "/usr/lib/postgresql/15/bin";

    /// <summary>
    /// Where PostgreSQL 17 is installed (bin/, lib/, share/). A declaration naming PostgreSQL 17 runs it from here (see
    /// <see cref="PostgresBinaries"/>). Default: <c>REPO/.tools/postgres17</c>, where scripts/install-prereqs.sh installs it.
    /// Null runs Debian's 15 for every declaration (<c>PG_PLATFORM_PG17_DIR=none</c>), and the evidence states the differing major.
    /// </summary>
    public string? Postgres17Directory { get; init; } = PostgresBinaries.DefaultPostgres17Directory();

    /// <summary>Azurite's blob service launcher. Default: <c>REPO/.tools/azurite/node_modules/.bin/azurite-blob</c>, as installed by scripts/install-prereqs.sh.</summary>
    public string? AzuriteBlobPath { get; init; }

    /// <summary>The Azurite blob launcher to run: <see cref="AzuriteBlobPath"/>, else its default under the repository (or the working directory).</summary>
    internal string AzuriteLauncher => AzuriteBlobPath
        ?? Path.Combine(RepositoryRoot.Find() ?? Directory.GetCurrentDirectory(), ".tools", "azurite", "node_modules", ".bin", "azurite-blob");

    /// <summary>Directory for the run directory. Default: the system temp path.</summary>
    public string? TempRoot { get; init; }

    /// <summary>
    /// WAL files archived and restored at once: the declared ObjectStore's <c>wal.maxParallel</c> (drill --stack sets it;
    /// see <see cref="WalScripts"/>, measured by <c>pg-platform-bench wal</c>). Default: 1, one barman-cloud process per
    /// file, as the lab self-test has always run.
    /// </summary>
    public int WalMaxParallel { get; init; } = 1;

    /// <summary>
    /// How long the cluster may take to accept a write after start. Default: 150 s: start takes about 21 s (15) to 30 s
    /// (17) on an idle 2-core machine, and two 17 targets at once took 58 s; a test run beside them takes more.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(150);

    /// <summary>The <c>PG_PLATFORM_PG17_DIR</c> value that runs Debian's PostgreSQL 15 whatever the declaration names.</summary>
    public const string Postgres17Off = "none";

    /// <summary>Options from the environment: <c>PG_PLATFORM_PG_BIN</c>, <c>PG_PLATFORM_PG17_DIR</c> (a directory, or <c>none</c>) and <c>PG_PLATFORM_AZURITE_BLOB</c> override the defaults.</summary>
    public static LocalTargetOptions FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var options = new LocalTargetOptions();
        if (getEnvironmentVariable("PG_PLATFORM_PG_BIN") is { Length: > 0 } bin)
        {
            options = options with { PostgresBinDirectory = bin };
        }

        if (getEnvironmentVariable("PG_PLATFORM_PG17_DIR") is { Length: > 0 } postgres17)
        {
            options = options with { Postgres17Directory = postgres17 == Postgres17Off ? null : postgres17 };
        }

        if (getEnvironmentVariable("PG_PLATFORM_AZURITE_BLOB") is { Length: > 0 } azurite)
        {
            options = options with { AzuriteBlobPath = azurite };
        }

        return options;
    }
}
