using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Drills;
using PgPlatform.Stacks.Migrations;

namespace PgPlatform.Stacks.Tests.Migrations;

public sealed class MigrationFolderTests
{
    [Fact]
    public void EveryCatalogApplicationHasAtLeastTwoMigrationsInVersionOrderAndASeed()
    {
        foreach (var entry in ApplicationCatalog.All)
        {
            var folder = MigrationFolder.Resolve(entry.Schema!.MigrationsDirectory);

            var scripts = MigrationFolder.Read(folder, entry.Schema.SeedFile);

            Assert.True(scripts.Count >= 2, $"{entry.Name}: the newest migration plays the release after a restore, so at least two are needed");
            Assert.Equal(scripts.Select(s => s.Version).Order(), scripts.Select(s => s.Version));
            Assert.True(File.Exists(Path.Combine(folder, entry.Schema.SeedFile)));
            Assert.NotEmpty(entry.Schema.SmokeQueries);
        }
    }

    [Fact]
    public void VersionsOrderNumericallyAndBadNamesAndClashesAreRefusedWithTheFile()
    {
        var folder = TempRoot.Create("pgp-folder-");
        try
        {
            File.WriteAllText(Path.Combine(folder, "V10__later.sql"), "SELECT 10;");
            File.WriteAllText(Path.Combine(folder, "V9__earlier.sql"), "SELECT 9;");
            File.WriteAllText(Path.Combine(folder, "seed.sql"), "SELECT 0;");

            Assert.Equal(["V9__earlier.sql", "V10__later.sql"], MigrationFolder.Read(folder, "seed.sql").Select(s => s.Name));

            File.WriteAllText(Path.Combine(folder, "V9__again.sql"), "SELECT 9;");
            Assert.Contains("version 9 is also", Assert.Throws<MigrationException>(() => MigrationFolder.Read(folder, "seed.sql")).Message, StringComparison.Ordinal);

            File.Delete(Path.Combine(folder, "V9__again.sql"));
            File.WriteAllText(Path.Combine(folder, "add-column.sql"), "SELECT 1;");
            var error = Assert.Throws<MigrationException>(() => MigrationFolder.Read(folder, "seed.sql")).Message;
            Assert.Contains("add-column.sql: not a migration name; name it V<version>__<description>.sql", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("16MiB", 16L * 1024 * 1024)]
    [InlineData("1GB", 1_000_000_000L)]
    [InlineData("20Gi", 20L * 1024 * 1024 * 1024)]
    [InlineData("512 MB", 512_000_000L)]
    public void SizesParseInDecimalAndBinaryUnits(string text, long bytes) => Assert.Equal(bytes, ByteSize.TryParse(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("0MB")]
    [InlineData("16TB")]
    public void NonSizesAreRefused(string text) => Assert.Null(ByteSize.TryParse(text));
}
