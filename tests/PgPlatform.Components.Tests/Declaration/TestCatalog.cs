using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Components.Tests.Declaration;

/// <summary>A catalog of two applications for declaration tests, so they depend on no organisation's catalog.</summary>
internal static class TestCatalog
{
    public static readonly CatalogEntry Shop = new("shop", "sales", TestEnvironments.Workload with { Team = "sales" });

    public static readonly CatalogEntry Wiki = new("wiki", "docs", TestEnvironments.Workload with
    {
        Team = "docs",
        Image = new ContainerImage("registry.example.com/wiki", "2.0.0"),
        Port = 3000,
    });

    public static IReadOnlyList<CatalogEntry> All { get; } = [Shop, Wiki];
}
