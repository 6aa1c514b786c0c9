using PgPlatform.Infra.Platform;

namespace PgPlatform.Infra.Tests.Platform;

/// <summary>This organisation's catalog; how any catalog is declared is tested in the components (Declaration/).</summary>
public sealed class ApplicationCatalogTests
{
    [Fact]
    public void TheCatalogHasTwoApplicationsSoNothingIsAccidentallySingleApp()
    {
        Assert.True(ApplicationCatalog.All.Count >= 2);
        Assert.Equal(ApplicationCatalog.All.Count, ApplicationCatalog.All.Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void LinkdingReadsItsDatabaseFromTheLdDbVariables()
    {
        var names = ApplicationCatalog.Linkding.Workload.DatabaseEnvironment;
        Assert.Equal(("LD_DB_HOST", "LD_DB_PORT", "LD_DB_DATABASE", "LD_DB_USER", "LD_DB_PASSWORD"), (names.Host, names.Port, names.Database, names.User, names.Password));
        Assert.Equal("postgres", ApplicationCatalog.Linkding.Workload.Environment["LD_DB_ENGINE"]);
        Assert.Equal(9090, ApplicationCatalog.Linkding.Workload.Port);
    }
}
