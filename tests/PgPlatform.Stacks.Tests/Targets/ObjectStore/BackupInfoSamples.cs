namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

/// <summary><c>backup.info</c> files as barman writes them.</summary>
internal static class BackupInfoSamples
{
    /// <summary>Recorded: what barman-cloud-backup 3.4 uploaded to Azurite for a base backup of the local target.</summary>
    public const string Recorded = """
        backup_label='START WAL LOCATION: 0/7000028 (file 000000010000000000000007)\nCHECKPOINT LOCATION: 0/7000060\nBACKUP METHOD: streamed\nBACKUP FROM: primary\nSTART TIME: 2026-11-22 18:46:57 UTC\nLABEL: Barman backup cloud 20261122T184656\nSTART TIMELINE: 1\n'
        begin_offset=40
        begin_time=2026-11-22 18:46:56.917081+00:00
        begin_wal=000000010000000000000007
        begin_xlog=0/7000028
        compression=None
        config_file=/tmp/pg-platform-local-12695-6952573d/member-2/data/postgresql.conf
        copy_stats={'total_time': 10.641228, 'number_of_workers': 2, 'analysis_time': 0, 'analysis_time_per_item': {'data': 0}, 'copy_time_per_item': {'data': 0.507039}, 'serialized_copy_time_per_item': {'data': 0.367396}, 'copy_time': 0.507039, 'serialized_copy_time': 0.367396}
        deduplicated_size=None
        end_offset=1032
        end_time=2026-11-22 18:47:03.727708+00:00
        end_wal=000000010000000000000007
        end_xlog=0/7000408
        error=None
        hba_file=/tmp/pg-platform-local-12695-6952573d/member-2/data/pg_hba.conf
        ident_file=/tmp/pg-platform-local-12695-6952573d/member-2/data/pg_ident.conf
        included_files=['/tmp/pg-platform-local-12695-6952573d/member-2/data/postgresql.base.conf']
        mode=None
        pgdata=/tmp/pg-platform-local-12695-6952573d/member-2/data
        server_name=cloud
        size=None
        status=DONE
        systemid=7711069073197199997
        tablespaces=None
        timeline=1
        version=150018
        xlog_segment_size=16777216

        """;

    /// <summary>Hand-written in the same format: a backup barman-cloud-backup gave up on (no end WAL or end time).</summary>
    public const string Failed = """
        begin_time=2026-11-22 18:50:01.000002+00:00
        begin_wal=000000010000000000000009
        end_time=None
        end_wal=None
        error=failure uploading data (connection refused)
        status=FAILED

        """;
}
