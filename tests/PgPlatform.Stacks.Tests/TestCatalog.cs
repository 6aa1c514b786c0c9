using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Stacks.Tests;

/// <summary>Catalogs of made-up applications, for stacks that deploy more than this organisation's catalog holds.</summary>
internal static class TestCatalog
{
    /// <summary>One entry per name, each owned by a team of its own.</summary>
    public static IReadOnlyList<CatalogEntry> Of(params string[] applications) =>
    [
        .. applications.Select(a => new CatalogEntry(a, $"team-{a}", new AppWorkloadArgs
        {
            Team = $"team-{a}",
            Image = new ContainerImage($"example/{a}", "1.0.0"),
            Port = 8080,
            DatabaseEnvironment = new(),
        })),
    ];
}
