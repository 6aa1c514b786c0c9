using PgPlatform.Components.Day2;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Versions;
using PgPlatform.Components.Vocabulary;
using PgPlatform.Stacks.Evidence;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// What the local target stands up: how many Patroni members, how they replicate, which PostgreSQL parameters,
/// which database and owner. Either read from a declared database's synthesized Cluster (<see cref="FromDeclaration"/>),
/// so the drill proves what a stack declares, or <see cref="Lab"/>, the fixed self-test of the drill code.
/// </summary>
public sealed record LocalShape
{
    /// <summary>What is drilled, in words (<c>lab self-test (no declared stack)</c>, <c>stack prod, application linkding, tier production</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>The tier's name (<c>production</c>), or <c>lab</c> for the self-test.</summary>
    public required string TierName { get; init; }

    /// <summary>Patroni members to run (the Cluster's <c>spec.instances</c>).</summary>
    public required int Instances { get; init; }

    /// <summary>How commits wait for standbys (the Cluster's <c>spec.postgresql.synchronous</c>).</summary>
    public required ReplicationDurability Replication { get; init; }

    /// <summary>The declared <c>spec.postgresql.parameters</c>, before <see cref="PostgresParameterFilter"/> drops those the target cannot take.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The application's database (<c>spec.bootstrap.initdb.database</c>).</summary>
    public required string Database { get; init; }

    /// <summary>Its owner, the application's login (<c>spec.bootstrap.initdb.owner</c>).</summary>
    public required string Owner { get; init; }

    /// <summary>
    /// The SQL run in the application's database after it is created, as the Cluster declares it
    /// (<c>spec.bootstrap.initdb.postInitApplicationSQL</c>: the login roles); the lab runs the platform's own.
    /// </summary>
    public IReadOnlyList<string> PostInitApplicationSql { get; init; } = [];

    /// <summary>
    /// The login role of each slot as the declaration names them (<c>spec.managed.roles</c>, read by
    /// <see cref="DeclaredLogins"/>); empty for the lab, whose roles follow <see cref="DatabaseNames.LoginRole"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> LoginRoles { get; init; } = new Dictionary<string, string>();

    /// <summary>The backup retention the ObjectStore declares (<c>30d</c>); null when none is declared.</summary>
    public string? Retention { get; init; }

    /// <summary>The PostgreSQL image the Cluster declares (<c>spec.imageName</c>); null for the lab.</summary>
    public string? DeclaredImage { get; init; }

    /// <summary>The major of <see cref="DeclaredImage"/> (17 for <c>...postgresql:17.6-standard-bookworm</c>); null for the lab.</summary>
    public int? DeclaredMajor => PostgresVersions.Major(DeclaredImage);

    /// <summary>
    /// The fixed lab: three members, synchronous commits that go on without a standby (Patroni's non-strict
    /// synchronous mode, the lab's long-standing shape), a 60 s archive_timeout, database and owner <c>app</c>.
    /// </summary>
    public static LocalShape Lab { get; } = new()
    {
        Subject = "lab self-test (no declared stack)",
        TierName = "lab",
        Instances = 3,
        Replication = ReplicationDurability.Preferred,
        Parameters = new Dictionary<string, string> { ["archive_timeout"] = "60" },
        Database = "app",
        Owner = "app",
        PostInitApplicationSql = [.. DatabaseLogins.PostInitSql("app")],
    };

    /// <summary>The shape of <paramref name="database"/> as <paramref name="stack"/> declares it.</summary>
    public static LocalShape FromDeclaration(string stack, DeclaredDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var spec = database.Cluster.Spec;
        var synchronous = spec.Postgresql?.Synchronous;
        // CNPG replicates asynchronously when spec.postgresql.synchronous is absent (cloudnative-pg docs/src/replication.md).
        var replication = ReplicationDurability.FromSynchronous(synchronous?.Method, synchronous?.Number, synchronous?.DataDurability);
        var databaseName = spec.Bootstrap?.InitDb?.Database ?? spec.Bootstrap?.Recovery?.Database ?? "app";
        var owner = spec.Bootstrap?.InitDb?.Owner ?? spec.Bootstrap?.Recovery?.Owner ?? databaseName;
        return new LocalShape
        {
            Subject = $"stack {stack}, application {database.Application}, tier {database.Tier.Name}",
            TierName = database.Tier.Name,
            Instances = spec.Instances,
            Replication = replication,
            Parameters = new SortedDictionary<string, string>(spec.Postgresql?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            Database = databaseName,
            Owner = owner,
            Retention = database.ObjectStore.Spec.RetentionPolicy,
            PostInitApplicationSql = [.. spec.Bootstrap?.InitDb?.PostInitApplicationSql ?? []],
            LoginRoles = database.Logins?.Logins.ToDictionary(l => l.Slot, l => l.Role, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            DeclaredImage = database.ImageName ?? ContainerImages.Postgres,
        };
    }
}
