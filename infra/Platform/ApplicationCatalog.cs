using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;

namespace PgPlatform.Infra.Platform;

/// <summary>
/// This organisation's applications, declared in C#. Stacks choose which of them they deploy
/// (<c>pg-platform:databases</c>). Application images are pinned here, in one place.
/// </summary>
public static class ApplicationCatalog
{
    /// <summary>linkding, the bookmark manager (https://linkding.link): port 9090, LD_DB_* settings.</summary>
    public static readonly CatalogEntry Linkding = new("linkding", "bookmarks", new AppWorkloadArgs
    {
        Team = "bookmarks",
        Image = new ContainerImage("sissbruecker/linkding", "1.41.0"),
        Port = 9090,
        HealthPath = "/health",
        Environment = new Dictionary<string, string> { ["LD_DB_ENGINE"] = "postgres" },
        DatabaseEnvironment = new DatabaseEnvironmentNames
        {
            Host = "LD_DB_HOST",
            Port = "LD_DB_PORT",
            Database = "LD_DB_DATABASE",
            User = "LD_DB_USER",
            Password = "LD_DB_PASSWORD",
        },
    })
    {
        Schema = new ApplicationSchema
        {
            MigrationsDirectory = "infra/Platform/Migrations/linkding",
            SmokeQueries =
            [
                new("active users with bookmarks", "SELECT count(DISTINCT b.owner_id) FROM bookmarks_bookmark b JOIN auth_user u ON u.id = b.owner_id WHERE u.is_active"),
                new("tagged bookmarks not archived", "SELECT count(*) FROM bookmarks_bookmark b JOIN bookmarks_bookmark_tags bt ON bt.bookmark_id = b.id JOIN bookmarks_tag t ON t.id = bt.tag_id WHERE NOT b.is_archived"),
            ],
        },
    };

    /// <summary>Wiki.js, the wiki: port 3000, DB_* settings.</summary>
    public static readonly CatalogEntry WikiJs = new("wikijs", "knowledge", new AppWorkloadArgs
    {
        Team = "knowledge",
        Image = new ContainerImage("ghcr.io/requarks/wiki", "2.5.307"),
        Port = 3000,
        HealthPath = "/healthz",
        Environment = new Dictionary<string, string> { ["DB_TYPE"] = "postgres" },
        DatabaseEnvironment = new DatabaseEnvironmentNames
        {
            Host = "DB_HOST",
            Port = "DB_PORT",
            Database = "DB_NAME",
            User = "DB_USER",
            Password = "DB_PASS",
        },
    })
    {
        Schema = new ApplicationSchema
        {
            MigrationsDirectory = "infra/Platform/Migrations/wikijs",
            SmokeQueries =
            [
                new("published pages with their author", "SELECT count(*) FROM pages p JOIN users u ON u.id = p.\"authorId\" WHERE p.\"isPublished\""),
                new("revisions with a version date", "SELECT count(*) FROM \"pageHistory\" h JOIN pages p ON p.id = h.\"pageId\" WHERE h.\"versionDate\" <> ''"),
                new("tagged pages", "SELECT count(*) FROM \"pageTags\" pt JOIN tags t ON t.id = pt.\"tagId\""),
            ],
        },
    };

    /// <summary>Every application, in declaration order.</summary>
    public static IReadOnlyList<CatalogEntry> All { get; } = [Linkding, WikiJs];
}
