using System.Diagnostics;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>Which PostgreSQL the local target runs: the declared 17 when installed, else (or with PG_PLATFORM_PG17_DIR=none) Debian's 15.</summary>
public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _run = TempRoot.Create("pgp-bin-");

    public void Dispose() => Directory.Delete(_run, recursive: true);

    [Fact]
    public void WithPostgreSql17SwitchedOffDebians15RunsAndTheLogSaysWhy()
    {
        var options = LocalTargetOptions.FromEnvironment(name => name == "PG_PLATFORM_PG17_DIR" ? "none" : null);
        var binaries = PostgresBinaries.Resolve(options, 17, _run);

        Assert.Null(options.Postgres17Directory);
        Assert.Equal(("/usr/lib/postgresql/15/bin", false), (binaries.Directory, binaries.ReplicasByCopy));
        Assert.Contains("PostgreSQL 17 is declared, and PG_PLATFORM_PG17_DIR=none runs 15 instead", binaries.Description, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_run));
    }

    [Fact]
    public void ByDefaultADeclared17RunsTheInstalled17AndAMissingInstallationSaysHowToInstallIt()
    {
        Assert.Equal(PostgresBinaries.DefaultPostgres17Directory(), new LocalTargetOptions().Postgres17Directory);
        Assert.True(PostgresBinaries.Resolve(new LocalTargetOptions(), 17, _run).ReplicasByCopy);

        var missing = PostgresBinaries.Resolve(new LocalTargetOptions { Postgres17Directory = Path.Combine(_run, "nowhere") }, 17, _run);
        Assert.Equal("/usr/lib/postgresql/15/bin", missing.Directory);
        Assert.Contains("PostgreSQL 17 is declared but not installed", missing.Description, StringComparison.Ordinal);
        Assert.Contains("scripts/install-prereqs.sh", missing.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeclared17WithItsDirectoryGivenRelativelyRunsA17ComposedWithDebiansControlDataAndIsReady()
    {
        var installed = PostgresBinaries.DefaultPostgres17Directory();
        Assert.True(File.Exists(Path.Combine(installed, "bin", "postgres")), $"PostgreSQL 17 is not installed in {installed}: run bash scripts/install-prereqs.sh");
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), installed);

        var binaries = PostgresBinaries.Resolve(new LocalTargetOptions { Postgres17Directory = relative }, 17, _run);

        Assert.True(binaries.ReplicasByCopy);
        Assert.Equal(Path.Combine(_run, "postgres-bin"), binaries.Directory);
        Assert.Equal(["initdb", "pg_controldata", "pg_ctl", "pg_isready", "postgres"], Directory.GetFileSystemEntries(binaries.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("postgres (PostgreSQL) 17.6", Version(Path.Combine(binaries.Directory, "postgres")));
        Assert.Equal("initdb (PostgreSQL) 17.6", Version(Path.Combine(binaries.Directory, "initdb")));
        Assert.StartsWith("pg_controldata (PostgreSQL) 15.", Version(Path.Combine(binaries.Directory, "pg_controldata")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLabAndA15DeclarationRunDebians15EvenWithPostgreSql17Given()
    {
        var options = new LocalTargetOptions { Postgres17Directory = PostgresBinaries.DefaultPostgres17Directory() };

        Assert.Equal("/usr/lib/postgresql/15/bin", PostgresBinaries.Resolve(options, null, _run).Directory);
        Assert.Equal("/usr/lib/postgresql/15/bin", PostgresBinaries.Resolve(options, 15, _run).Directory);
    }

    private static string Version(string program)
    {
        using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
