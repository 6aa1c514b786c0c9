using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// Prod's linkding on the PostgreSQL 17 scripts/install-prereqs.sh installs in .tools/postgres17 (without it this fixture
/// fails, naming what is missing, instead of running 15).
/// </summary>
public sealed class Postgres17TargetFixture : LocalTargetFixture
{
    protected override LocalShape Shape => DeclaredShape.Of(RepositoryRoot.Find()!, "prod", "linkding", ApplicationCatalog.All);

    protected override LocalTargetOptions Options
    {
        get
        {
            var directory = PostgresBinaries.DefaultPostgres17Directory();
            if (!File.Exists(Path.Combine(directory, "bin", "postgres")))
            {
                throw new InvalidOperationException($"PostgreSQL 17 is not installed ({directory}/bin/postgres is missing): run bash scripts/install-prereqs.sh");
            }

            return new LocalTargetOptions { Postgres17Directory = directory };
        }
    }
}
