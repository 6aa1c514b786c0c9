namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Splits a Cluster's declared <c>postgresql.parameters</c> into those the local Patroni members run with and
/// those they cannot take, each with its reason. What PostgreSQL accepts is asked of the PostgreSQL binary the
/// target runs (<c>postgres --describe-config</c>, one tab-separated line per parameter it knows), never listed
/// by hand: a parameter a newer major added is reported, not guessed at.
/// </summary>
public static class PostgresParameterFilter
{
    /// <summary>
    /// Parameters the local target sets itself, because they describe its own processes and files: the archive
    /// (barman-cloud into Azurite), the replication Patroni manages, where PostgreSQL listens and keeps its files.
    /// CNPG fixes the same ones inside Kubernetes (cloudnative-pg docs/src/postgresql_conf.md, "Fixed parameters").
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> OwnedByTarget = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["archive_command"] = "the local target archives with barman-cloud-wal-archive into Azurite",
        ["archive_mode"] = "the local target always archives",
        ["restore_command"] = "the local target restores with barman-cloud-wal-restore",
        ["wal_level"] = "Patroni needs replica or higher; the local target sets it",
        ["hot_standby"] = "Patroni sets it on every member",
        ["synchronous_standby_names"] = "Patroni manages it from the declared synchronous mode",
        ["primary_conninfo"] = "Patroni manages it",
        ["primary_slot_name"] = "Patroni manages it",
        ["listen_addresses"] = "the local target listens on 127.0.0.1 only",
        ["port"] = "the local target allocates ports",
        ["unix_socket_directories"] = "the local target keeps sockets in the member's directory",
        ["data_directory"] = "the local target keeps data in its run directory",
        ["config_file"] = "Patroni writes the configuration",
        ["hba_file"] = "Patroni writes pg_hba.conf",
        ["ident_file"] = "Patroni writes pg_ident.conf",
        ["ssl"] = "the local target connects over loopback without TLS",
        ["ssl_cert_file"] = "the local target connects over loopback without TLS",
        ["ssl_key_file"] = "the local target connects over loopback without TLS",
        ["ssl_ca_file"] = "the local target connects over loopback without TLS",
        ["shared_preload_libraries"] = "the Kubernetes image's extensions are not installed on this machine",
    };

    /// <summary>The names PostgreSQL at <paramref name="postgresBin"/> knows, read from <c>postgres --describe-config</c>.</summary>
    public static async Task<IReadOnlySet<string>> KnownParametersAsync(string postgresBin, CancellationToken cancellationToken)
    {
        var output = await Tool.RunAsync(Path.Combine(postgresBin, "postgres"), ["--describe-config"], Path.GetTempPath(), new Dictionary<string, string>(), cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="declared"/> split into applied and skipped (name and reason), both in name order.
    /// <paramref name="known"/> are the names the running PostgreSQL (<paramref name="postgresVersion"/>) accepts.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Applied, IReadOnlyList<SkippedParameter> Skipped) Split(
        IReadOnlyDictionary<string, string> declared, IReadOnlySet<string> known, string postgresVersion)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(known);
        var applied = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<SkippedParameter>();
        foreach (var (name, value) in declared.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (OwnedByTarget.TryGetValue(name, out var reason))
            {
                skipped.Add(new SkippedParameter(name, value, reason));
            }
            else if (!known.Contains(name))
            {
                skipped.Add(new SkippedParameter(name, value, $"unknown to {postgresVersion}, which the local target runs"));
            }
            else
            {
                applied[name] = value;
            }
        }

        return (applied, skipped);
    }
}
