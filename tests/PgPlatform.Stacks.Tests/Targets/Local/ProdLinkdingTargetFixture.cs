using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// Prod's linkding as declared, on the PostgreSQL 17 scripts/install-prereqs.sh installs in .tools/postgres17 (without it
/// this fixture fails, naming what is missing, instead of running 15). Debian's 15, with pg_basebackup and pg_rewind and
/// the evidence of a differing major, is proven by LocalDrillSessionTests and the lab's tests.
/// </summary>
public sealed class ProdLinkdingTargetFixture : LocalTargetFixture
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
