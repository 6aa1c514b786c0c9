namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// A Patroni replica-creation method (<c>create_replica_methods</c>, patroni/patroni docs/replica_bootstrap.rst) for
/// PostgreSQL majors whose pg_basebackup is not installed here (see <see cref="PostgresBinaries"/>): a base backup of the
/// leader through PostgreSQL's low-level API (<c>pg_backup_start</c>, a copy of its data directory, <c>pg_backup_stop</c>;
/// PostgreSQL docs "Making a Base Backup Using the Low Level API"), with the WAL from the backup's start to its stop copied
/// beside it, so the new standby is consistent before it streams, as pg_basebackup <c>-X stream</c> leaves it. CNPG joins
/// a replica the same way, by cloning the primary with pg_basebackup (cloudnative-pg/cloudnative-pg
/// pkg/management/postgres/join.go, <c>ClonePgData</c>), not from the object store. The members share one machine and
/// one user, so the leader's data directory is read directly, over its unix socket (pg_hba <c>local all all trust</c>).
/// </summary>
internal static class ReplicaCopy
{
    /// <summary>The method's name in patroni.yml.</summary>
    public const string MethodName = "local_copy";

    /// <summary>
    /// replica_copy.py, run by <c>/usr/bin/python3</c> with Patroni's arguments (<c>--datadir=</c>, <c>--connstring=</c> naming
    /// the leader's port) and <c>--members=PORT=SOCKET_DIRECTORY,...</c> from patroni.yml. Leaves out what pg_basebackup
    /// leaves out (postgresql src/backend/backup/basebackup.c, <c>excludeDirContents</c> and <c>excludeFiles</c>) and copies
    /// global/pg_control last, as it does. Prints one line with the backup's start and stop WAL files.
    /// </summary>
    public const string Python = """
        import os
        import re
        import shutil
        import sys

        import psycopg2

        EMPTIED = {"pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"}
        SKIPPED = {"postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal", "recovery.signal",
                   "postgresql.auto.conf.tmp", "current_logfiles.tmp"}
        SEGMENT = re.compile(r"^[0-9A-F]{24}$")


        def arguments(argv):
            values = {}
            for argument in argv:
                if argument.startswith("--") and "=" in argument:
                    key, value = argument[2:].split("=", 1)
                    values[key] = value
            return values


        def copy_file(source, target):
            try:
                shutil.copyfile(source, target)
            except FileNotFoundError:
                pass  # dropped while the backup ran: replay of the WAL copied below drops it too


        def copy_tree(source, target):
            for directory, subdirectories, files in os.walk(source):
                relative = os.path.relpath(directory, source)
                destination = os.path.join(target, relative) if relative != "." else target
                os.makedirs(destination, mode=0o700, exist_ok=True)
                if relative in EMPTIED or os.path.basename(directory).startswith("pgsql_tmp"):
                    subdirectories[:] = []
                    continue
                for name in files:
                    if relative == "." and name in SKIPPED or name.startswith("pg_internal.init"):
                        continue
                    if relative == "global" and name == "pg_control":
                        continue
                    copy_file(os.path.join(directory, name), os.path.join(destination, name))


        def main(argv):
            values = arguments(argv)
            target, connstring = values.get("datadir"), values.get("connstring", "")
            port = re.search(r"(?:^|\s)port=(\d+)", connstring)
            sockets = dict(entry.split("=", 1) for entry in values.get("members", "").split(",") if "=" in entry)
            if not target or port is None or port.group(1) not in sockets:
                print("replica copy: needs --datadir, a --connstring naming the leader's port and --members with that port", file=sys.stderr)
                return 2
            connection = psycopg2.connect(host=sockets[port.group(1)], port=port.group(1), user="postgres", dbname="postgres")
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SHOW data_directory")
                source = cursor.fetchone()[0]
                cursor.execute("SELECT pg_backup_start(%s, true)", ("pg-platform replica copy",))
                shutil.rmtree(target, ignore_errors=True)
                copy_tree(source, target)
                shutil.copyfile(os.path.join(source, "global", "pg_control"), os.path.join(target, "global", "pg_control"))
                cursor.execute("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) FROM pg_backup_stop(false)")
                label, tablespaces, stop = cursor.fetchone()
            connection.close()
            start = re.search(r"START WAL LOCATION: .*\(file ([0-9A-F]{24})\)", label).group(1)
            wal = os.path.join(source, "pg_wal")
            for name in sorted(os.listdir(wal)):
                if name.endswith(".history") or SEGMENT.match(name) and name[:8] == start[:8] and start <= name <= stop:
                    copy_file(os.path.join(wal, name), os.path.join(target, "pg_wal", name))
            os.makedirs(os.path.join(target, "pg_wal", "archive_status"), mode=0o700, exist_ok=True)
            with open(os.path.join(target, "backup_label"), "w") as handle:
                handle.write(label)
            if tablespaces:
                with open(os.path.join(target, "tablespace_map"), "w") as handle:
                    handle.write(tablespaces)
            os.chmod(target, 0o700)
            print("replica copy: copied %s from port %s, WAL %s to %s" % (source, port.group(1), start, stop))
            return 0


        if __name__ == "__main__":
            sys.exit(main(sys.argv[1:]))
        """;

    /// <summary>The patroni.yml <c>postgresql</c> entries that make <paramref name="scriptPath"/> the only replica method.</summary>
    public static string PatroniSettings(string scriptPath, IEnumerable<(int Port, string SocketDirectory)> members) =>
        $"\n  create_replica_methods:\n    - {MethodName}\n  {MethodName}:\n    command: '/usr/bin/python3 {scriptPath}'"
        + $"\n    members: '{string.Join(",", members.Select(m => $"{m.Port}={m.SocketDirectory}"))}'";
}
