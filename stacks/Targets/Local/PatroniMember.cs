using System.Globalization;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>One Patroni member of the local cluster: its directory, ports, configuration and process.</summary>
internal sealed class PatroniMember
{
    private Daemon? _daemon;

    public PatroniMember(string name, string directory, int postgresPort, int restPort)
    {
        Name = name;
        Directory = directory;
        PostgresPort = postgresPort;
        RestPort = restPort;
    }

    public string Name { get; }

    /// <summary>The member's directory: patroni.yml, the log, the unix socket; the data directory is <see cref="DataDirectory"/> inside it.</summary>
    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public int PostgresPort { get; }

    public int RestPort { get; }

    public bool Running => _daemon is { HasExited: false };

    /// <summary>Starts Patroni (as <paramref name="runAs"/>) with <paramref name="environment"/>, which its PostgreSQL and archive_command inherit.</summary>
    public void Start(RunAs runAs, IReadOnlyDictionary<string, string> environment) =>
        _daemon = Daemon.Start(Name, ["/usr/bin/patroni", Path.Combine(Directory, "patroni.yml")], Directory, Path.Combine(Directory, "patroni.log"), runAs, environment);

    /// <summary>The live postmaster's pid, from postmaster.pid; null when PostgreSQL is not running.</summary>
    public int? PostmasterPid() =>
        PostmasterPidFile.Read(Path.Combine(DataDirectory, "postmaster.pid")) is { } file && NativeMethods.IsAlive(file.Pid) ? file.Pid : null;

    /// <summary>Kills Patroni only (SIGKILL); its PostgreSQL, detached by Patroni, keeps running.</summary>
    public void KillPatroni() => _daemon?.Kill();

    public string LogTail() => _daemon?.LogTail() ?? "(not started)";

    /// <summary>
    /// Writes patroni.yml. Timings are the ones measured to work here: ttl 10, loop_wait 2, retry_timeout 4,
    /// and <c>primary_start_timeout: 0</c> so a killed postmaster fails over instead of restarting in place.
    /// Replication and <paramref name="parameters"/> are the declared ones (<see cref="PatroniReplication"/>).
    /// With <paramref name="replicaCopy"/> (a major whose pg_basebackup and pg_rewind are not installed, see
    /// <see cref="PostgresBinaries"/>) the member is created by <see cref="ReplicaCopy"/>, a low-level base backup copied
    /// from the leader (a Patroni <c>create_replica_methods</c> entry: patroni/patroni docs/replica_bootstrap.rst); without
    /// pg_rewind (<c>use_pg_rewind: false</c>) a former primary whose timeline diverged is wiped and copied again
    /// (<c>remove_data_directory_on_diverged_timelines</c>, patroni/patroni docs/yaml_configuration.rst).
    /// </summary>
    public void WriteConfiguration(string scope, int etcdPort, string postgresBin, string archiveCommand, LocalPasswords passwords, ReplicationDurability replication, IReadOnlyDictionary<string, string> parameters, string? replicaCopy = null)
    {
        var copied = replicaCopy is null
            ? string.Empty
            : replicaCopy + "\n  remove_data_directory_on_rewind_failure: true\n  remove_data_directory_on_diverged_timelines: true";
        var declared = string.Concat(parameters.Select(p => $"\n        {p.Key}: '{p.Value.Replace("'", "''", StringComparison.Ordinal)}'"));
        System.IO.Directory.CreateDirectory(Directory);
        var yaml = string.Create(CultureInfo.InvariantCulture, $$"""
            scope: {{scope}}
            name: {{Name}}
            restapi:
              listen: 127.0.0.1:{{RestPort}}
              connect_address: 127.0.0.1:{{RestPort}}
            etcd3:
              hosts: 127.0.0.1:{{etcdPort}}
            bootstrap:
              dcs:
                ttl: 10
                loop_wait: 2
                retry_timeout: 4
                primary_start_timeout: 0
                {{PatroniReplication.DcsSettings(replication).Replace("\n", "\n    ", StringComparison.Ordinal)}}
                maximum_lag_on_failover: 16777216
                postgresql:
                  use_pg_rewind: {{(replicaCopy is null ? "true" : "false")}}
                  parameters:
                    wal_level: replica
                    wal_log_hints: "on"
                    archive_mode: "on"
                    archive_command: '{{archiveCommand.Replace("'", "''", StringComparison.Ordinal)}}'{{declared}}
              initdb:
                - encoding: UTF8
                - data-checksums
            postgresql:
              listen: 127.0.0.1:{{PostgresPort}}
              connect_address: 127.0.0.1:{{PostgresPort}}
              data_dir: {{DataDirectory}}
              bin_dir: {{postgresBin}}{{copied}}
              pgpass: {{Path.Combine(Directory, "pgpass")}}
              authentication:
                superuser:
                  username: postgres
                  password: {{passwords.Superuser}}
                replication:
                  username: replicator
                  password: {{passwords.Replication}}
              parameters:
                unix_socket_directories: {{Directory}}
                dynamic_shared_memory_type: mmap
              pg_hba:
                - local all all trust
                - host all all 127.0.0.1/32 scram-sha-256
                - host replication replicator 127.0.0.1/32 scram-sha-256
            watchdog:
              mode: off
            """);
        PrivateFile.Write(Path.Combine(Directory, "patroni.yml"), yaml + "\n");
    }
}
