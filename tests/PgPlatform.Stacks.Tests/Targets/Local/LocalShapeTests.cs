using PgPlatform.Components.Declaration;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Versions;
using PgPlatform.Stacks.Sessions;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Infra.Platform;

namespace PgPlatform.Stacks.Tests.Targets.Local;

public sealed class LocalShapeTests
{
    private static string Root => RepositoryRoot.Find() ?? throw new InvalidOperationException("no repository root");

    [Fact]
    public void ProdLinkdingIsShapedAsItsSynthesizedClusterDeclares()
    {
        var shape = DeclaredShape.Of(Root, "prod", "linkding", ApplicationCatalog.All);

        Assert.Equal(("stack prod, application linkding, tier production", "production", 3), (shape.Subject, shape.TierName, shape.Instances));
        Assert.Same(ReplicationDurability.Synchronous, shape.Replication);
        Assert.Equal(("linkding", "linkding", "30d", ContainerImages.Postgres), (shape.Database, shape.Owner, shape.Retention, shape.DeclaredImage));
        Assert.Equal("1000", shape.Parameters["log_min_duration_statement"]);
        Assert.Equal("5min", shape.Parameters["archive_timeout"]);
    }

    [Fact]
    public void TheLoginRolesAndTheirBootstrapSqlAreTheDeclaredOnesNotRebuiltFromTheNamingRule()
    {
        var database = DeclaredStack.Load(Root, "prod", ApplicationCatalog.All).Database("linkding");
        var declared = DeclaredShape.Of(Root, "prod", "linkding", ApplicationCatalog.All);
        var renamed = database with
        {
            Logins = database.Logins! with { Logins = [.. database.Logins!.Logins.Select(l => l with { Role = $"bookmarks_{l.Slot}" })] },
        };

        Assert.Equal(database.Cluster.Spec.Bootstrap!.InitDb!.PostInitApplicationSql, declared.PostInitApplicationSql);
        Assert.Equal(["a=linkding_a", "b=linkding_b"], declared.LoginRoles.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(["a=bookmarks_a", "b=bookmarks_b"], LocalShape.FromDeclaration("prod", renamed).LoginRoles.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
        Assert.Empty(LocalShape.Lab.LoginRoles);
        Assert.Contains(LocalShape.Lab.PostInitApplicationSql, sql => sql.Contains("app_a", StringComparison.Ordinal));
    }

    [Fact]
    public void DevLinkdingIsOneAsynchronousInstanceAndWikiJsInProdKeepsItsDeclaredRetention()
    {
        var dev = DeclaredShape.Of(Root, "dev", "linkding", ApplicationCatalog.All);
        var wiki = DeclaredShape.Of(Root, "prod", "wikijs", ApplicationCatalog.All);

        Assert.Equal((1, "development"), (dev.Instances, dev.TierName));
        Assert.Same(ReplicationDurability.Asynchronous, dev.Replication);
        Assert.Equal(("wikijs", "14d"), (wiki.Database, wiki.Retention));
    }

    [Fact]
    public void AnApplicationTheStackDoesNotDeclareIsRefusedNamingThoseItDoes()
    {
        var e = Assert.Throws<PgPlatform.Components.Model.DeclarationException>(() => DeclaredShape.Of(Root, "prod", "gitea", ApplicationCatalog.All));

        Assert.Contains("declares no database for application 'gitea' (it declares linkding, wikijs)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PatroniReplicationIsStrictForRequiredNonStrictForPreferredAndOffForAsynchronous()
    {
        Assert.Equal("synchronous_mode: true\nsynchronous_mode_strict: true\nsynchronous_node_count: 1", PatroniReplication.DcsSettings(ReplicationDurability.Synchronous));
        Assert.Equal("synchronous_mode: true\nsynchronous_mode_strict: false\nsynchronous_node_count: 1", PatroniReplication.DcsSettings(ReplicationDurability.Preferred));
        Assert.Equal("synchronous_mode: false", PatroniReplication.DcsSettings(ReplicationDurability.Asynchronous));
    }

    [Fact]
    public async Task TheParameterFilterAppliesWhatPostgres15KnowsAndSkipsTheRestWithReasons()
    {
        var known = await PostgresParameterFilter.KnownParametersAsync(new LocalTargetOptions().PostgresBinDirectory, CancellationToken.None);
        var declared = new Dictionary<string, string>
        {
            ["log_min_duration_statement"] = "1000",
            ["archive_timeout"] = "5min",
            ["summarize_wal"] = "on",
            ["archive_command"] = "/bin/true",
        };

        var (applied, skipped) = PostgresParameterFilter.Split(declared, known, "PostgreSQL 15");

        Assert.Equal(["archive_timeout", "log_min_duration_statement"], applied.Keys);
        Assert.Equal(
            ["archive_command=/bin/true: the local target archives with barman-cloud-wal-archive into Azurite", "summarize_wal=on: unknown to PostgreSQL 15, which the local target runs"],
            skipped.Select(s => s.ToString()));
    }

    [Fact]
    public async Task HaProxyAcceptsTheConfigurationRoutingRwByPrimaryAndRoByReplicaChecks()
    {
        var dir = TempRoot.Create("pg-platform-haproxy-");
        try
        {
            var members = new[] { new PatroniMember("member-1", Path.Combine(dir, "m1"), 15432, 18008), new PatroniMember("member-2", Path.Combine(dir, "m2"), 15433, 18009) };
            var cfg = HaProxy.Configuration(members, 16000, 16001);
            var path = Path.Combine(dir, "haproxy.cfg");
            await File.WriteAllTextAsync(path, cfg);

            var check = await Tool.TryRunAsync("/usr/sbin/haproxy", ["-c", "-f", path], dir, new Dictionary<string, string>(), CancellationToken.None);

            Assert.True(check.ExitCode == 0, check.StandardError + check.StandardOutput);
            Assert.Contains("listen rw\n    bind 127.0.0.1:16000\n    option httpchk GET /primary\n", cfg, StringComparison.Ordinal);
            Assert.Contains("listen ro\n    bind 127.0.0.1:16001\n    option httpchk GET /replica\n", cfg, StringComparison.Ordinal);
            Assert.Contains("    server member-2 127.0.0.1:15433 check port 18009\n", cfg, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
