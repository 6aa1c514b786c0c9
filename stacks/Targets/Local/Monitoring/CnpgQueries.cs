namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>
/// The custom-queries file postgres_exporter runs on each member so that its metrics carry the names CNPG's instance
/// manager exports: the subset of CNPG's default monitoring queries the stack's rules read
/// (cloudnative-pg/cloudnative-pg config/manager/default-monitoring.yaml: backends, pg_database, pg_replication,
/// pg_stat_archiver, pg_settings), each under its key prefixed <c>cnpg_</c> (postgres_exporter names a metric
/// KEY_COLUMN, as CNPG does). Two collector metrics of the instance manager
/// (pkg/management/postgres/webserver/metricserver/pg_collector.go) are produced too: <c>cnpg_collector_up</c> is
/// postgres_exporter's own <c>pg_up</c>, renamed at scrape time, and <c>cnpg_collector_pg_wal_archive_status</c>
/// counts <c>pg_wal/archive_status</c> files by state (<see cref="WalArchiveStatusQuery"/>, renamed likewise).
/// </summary>
internal static class CnpgQueries
{
    /// <summary>Key of the archive-status query: postgres_exporter exports its column as <c>KEY_count</c>.</summary>
    public const string WalArchiveStatusQuery = "cnpg_collector_pg_wal_archive_status";

    /// <summary>The queries file (postgres_exporter's <c>--extend.query-path</c> format).</summary>
    public const string File = """
        cnpg_backends:
          query: |
            SELECT coalesce(datname, '') AS datname, usename, coalesce(application_name, '') AS application_name, state,
                   count(*) AS total,
                   coalesce(extract(epoch FROM max(now() - xact_start)), 0) AS max_tx_duration_seconds
            FROM pg_catalog.pg_stat_activity
            WHERE usename IS NOT NULL AND state IS NOT NULL
            GROUP BY datname, usename, application_name, state
          metrics:
            - datname: {usage: LABEL, description: Name of the database}
            - usename: {usage: LABEL, description: Name of the user}
            - application_name: {usage: LABEL, description: Name of the application}
            - state: {usage: LABEL, description: State of the backend}
            - total: {usage: GAUGE, description: Number of backends}
            - max_tx_duration_seconds: {usage: GAUGE, description: Maximum duration of a transaction in seconds}
        cnpg_pg_database:
          query: |
            SELECT datname, pg_catalog.pg_database_size(datname) AS size_bytes,
                   pg_catalog.age(datfrozenxid) AS xid_age, pg_catalog.mxid_age(datminmxid) AS mxid_age
            FROM pg_catalog.pg_database WHERE datallowconn
          metrics:
            - datname: {usage: LABEL, description: Name of the database}
            - size_bytes: {usage: GAUGE, description: Disk space used by the database}
            - xid_age: {usage: GAUGE, description: Transactions from the frozen XID to the current one}
            - mxid_age: {usage: GAUGE, description: Multixacts from the frozen multixact to the current one}
        cnpg_pg_replication:
          query: |
            SELECT CASE WHEN NOT pg_catalog.pg_is_in_recovery() OR pg_catalog.pg_last_wal_receive_lsn() = pg_catalog.pg_last_wal_replay_lsn() THEN 0
                        ELSE greatest(0, extract(epoch FROM now() - pg_catalog.pg_last_xact_replay_timestamp())) END AS lag,
                   pg_catalog.pg_is_in_recovery()::int AS in_recovery,
                   EXISTS (TABLE pg_catalog.pg_stat_wal_receiver)::int AS is_wal_receiver_up,
                   (SELECT count(*) FROM pg_catalog.pg_stat_replication) AS streaming_replicas
          metrics:
            - lag: {usage: GAUGE, description: Replication lag behind primary in seconds}
            - in_recovery: {usage: GAUGE, description: Whether the instance is in recovery}
            - is_wal_receiver_up: {usage: GAUGE, description: Whether the instance wal_receiver is up}
            - streaming_replicas: {usage: GAUGE, description: Number of streaming replicas connected to the instance}
        cnpg_pg_stat_archiver:
          query: |
            SELECT archived_count, failed_count,
                   coalesce(extract(epoch FROM now() - last_archived_time), -1) AS seconds_since_last_archival,
                   coalesce(extract(epoch FROM now() - last_failed_time), -1) AS seconds_since_last_failure,
                   coalesce(extract(epoch FROM last_archived_time), -1) AS last_archived_time,
                   coalesce(extract(epoch FROM last_failed_time), -1) AS last_failed_time
            FROM pg_catalog.pg_stat_archiver
            WHERE NOT pg_catalog.pg_is_in_recovery() OR current_setting('archive_mode') = 'always'
          metrics:
            - archived_count: {usage: COUNTER, description: WAL files archived}
            - failed_count: {usage: COUNTER, description: Failed attempts to archive WAL files}
            - seconds_since_last_archival: {usage: GAUGE, description: Seconds since the last successful archival}
            - seconds_since_last_failure: {usage: GAUGE, description: Seconds since the last failed archival}
            - last_archived_time: {usage: GAUGE, description: Epoch of the last successful archival}
            - last_failed_time: {usage: GAUGE, description: Epoch of the last failed archival}
        cnpg_pg_settings:
          query: |
            SELECT name, (CASE setting WHEN 'on' THEN '1' WHEN 'off' THEN '0' ELSE setting END)::float8 AS setting
            FROM pg_catalog.pg_settings WHERE vartype IN ('integer', 'real', 'bool')
          metrics:
            - name: {usage: LABEL, description: Name of the setting}
            - setting: {usage: GAUGE, description: Setting value}
        cnpg_collector_pg_wal_archive_status:
          query: |
            SELECT s.value, count(f.name) AS count
            FROM (VALUES ('ready'), ('done')) AS s(value)
            LEFT JOIN pg_catalog.pg_ls_archive_statusdir() f ON f.name LIKE '%.' || s.value
            GROUP BY s.value
          metrics:
            - value: {usage: LABEL, description: State of the WAL segments (ready, done)}
            - count: {usage: GAUGE, description: Number of WAL segments in pg_wal/archive_status in that state}
        """;
}
