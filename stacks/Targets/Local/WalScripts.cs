namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The helpers behind the local target's archive_command and restore_command at the declared <c>wal.maxParallel</c>,
/// written by <see cref="BarmanCloud.WriteHelpers"/>. They follow CNPG's Barman Cloud plugin: other <c>.ready</c> files
/// are archived ahead, at once, and noted in a spool, so PostgreSQL's later calls for them return at once (cloudnative-pg/plugin-barman-cloud internal/cnpgi/common/wal.go, <c>Archive</c>: <c>DeleteFromSpool</c>, then
/// <c>GatherReadyWALFiles</c> of cloudnative-pg/machinery pkg/fileutils/wals/wals.go, then <c>ArchiveList</c> of
/// cloudnative-pg/barman-cloud pkg/walarchive/cmd.go, which touches the spool only after a file's upload succeeded); a
/// restore call fetches the requested segment and the next ones into a spool (same wal.go, <c>restoreFromBarmanObjectStore</c>
/// and <c>gatherWALFilesToRestore</c>), and a prefetched segment the store does not have marks the end of the WAL stream,
/// so PostgreSQL's request for it fails at once (<c>isEndOfWALStream</c>, <c>checkEndOfWALStreamFlag</c>).
/// Where the plugin runs one barman-cloud process per file from a Go sidecar, these use barman's own uploader and downloader
/// classes from Python, whose start (about 0.8 s with the Azure SDK) is most of the cost of a small file here: each side
/// runs one long-lived Python process per spool that the commands ask for files, the archive side's
/// <see cref="WalUploader"/> and the restore side's <see cref="WalFetcher"/>.
/// </summary>
internal static class WalScripts
{
    /// <summary>
    /// wal_batch.py, run by <c>/usr/bin/python3</c> (barman's interpreter): barman's own uploader and downloader, which
    /// <see cref="WalUploader"/> and <see cref="WalFetcher"/> import (<c>upload</c>, <c>download</c>). Run as
    /// <c>restore URL SERVER DIRECTORY PARALLEL NAME...</c> it downloads every NAME, PARALLEL at a time, to
    /// <c>DIRECTORY/NAME</c> (a one-off copy: the benchmark's local WAL).
    /// </summary>
    public const string BatchPython = """
        import logging
        import os
        import sys
        import threading
        from concurrent.futures import ThreadPoolExecutor

        PROVIDER = ["--cloud-provider", "azure-blob-storage"]
        LOCAL = threading.local()


        def upload(url, server, path):
            # Uploads the WAL file at PATH (gzip), as barman-cloud-wal-archive does; raises when it fails. One cloud
            # connection per thread, kept for the thread's next files.
            from barman.clients import cloud_walarchive
            from barman.cloud_providers import get_cloud_interface
            from barman.xlog import is_history_file

            config = cloud_walarchive.parse_arguments(["--gzip"] + PROVIDER + [url, server, path])
            if getattr(LOCAL, "archive", None) is None:
                LOCAL.archive = get_cloud_interface(config)
            uploader = cloud_walarchive.CloudWalUploader(cloud_interface=LOCAL.archive, server_name=server, compression=config.compression)
            extra = {"override_tags": config.history_tags} if is_history_file(path) else {}
            uploader.upload_wal(path, **extra)


        def download(url, server, directory, name):
            # Downloads NAME to DIRECTORY/NAME (through NAME.part): "ok", "missing" (not in the store) or "failed".
            # One cloud connection per thread, kept for the thread's next files.
            from barman.clients import cloud_walrestore
            from barman.cloud_providers import get_cloud_interface

            target = os.path.join(directory, name)
            try:
                if getattr(LOCAL, "cloud", None) is None:
                    LOCAL.cloud = get_cloud_interface(cloud_walrestore.parse_arguments(PROVIDER + [url, server, name, target]))
                downloader = cloud_walrestore.CloudWalDownloader(cloud_interface=LOCAL.cloud, server_name=server)
                try:
                    downloader.download_wal(name, target + ".part")
                except SystemExit:
                    # download_wal exits (OperationErrorExit) when the store has no such file.
                    return "missing"
                os.rename(target + ".part", target)
                return "ok"
            except BaseException as error:
                logging.getLogger("wal_batch").error("download of %s failed: %s", name, error)
                return "failed"
            finally:
                try:
                    os.remove(target + ".part")
                except FileNotFoundError:
                    pass


        def main(argv):
            logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
            url, server, directory, parallel, names = argv[1], argv[2], argv[3], int(argv[4]), argv[5:]
            with ThreadPoolExecutor(max_workers=parallel) as pool:
                results = list(pool.map(lambda name: download(url, server, directory, name), names))
            return 0 if all(result == "ok" for result in results) else 1


        if __name__ == "__main__":
            sys.exit(main(sys.argv[1:]))
        """;

    /// <summary>
    /// The archive_command body (bash; arguments: parallelism, %p, %f; run in the data directory, as PostgreSQL runs it;
    /// the spool is <c>archive-spool</c> beside the data directory, so a base backup never copies it). A file noted in the
    /// spool was uploaded ahead by the spool's archiver (<see cref="WalUploader"/>): the note is removed and the call
    /// succeeds at once. Otherwise the script leaves <c>NAME.ask</c> (holding %p), starts the archiver when none holds
    /// <c>SPOOL.lock</c>, and waits for the note (success) or <c>NAME.failed</c> (failure, so PostgreSQL retries). Every
    /// 2 s of waiting it restarts an uploader that died, and fails when its PostgreSQL is gone or after a fourth start, so
    /// an uploader that cannot run shows as failed archiving (pg_stat_archiver) rather than an archive that hangs.
    /// </summary>
    public const string ArchiveScript = """
        set -u
        parallel=$1; path=$2; name=$3; spool=${PWD%/*}/archive-spool
        if [ -e "$spool/$name" ]; then rm -f "$spool/$name"; exit 0; fi
        mkdir -p "$spool"
        ask=$spool/$name.ask
        rm -f "$spool/$name.failed"
        echo "$path" > "$ask.tmp" && mv -f "$ask.tmp" "$ask"
        starts=0
        archiver() {
          flock -n "$spool.lock" true || return 0
          starts=$((starts + 1))
          setsid /usr/bin/python3 "$HELPERS/wal_archiver.py" "$URL" "$SERVER" "$spool" "$parallel" </dev/null >>"$spool.daemon.log" 2>&1 &
        }
        archiver
        exec {tick}<> <(:)
        waited=0
        while :; do
          # The ask goes before the note, so the archiver never sees an ask without its note and uploads the file again.
          if [ -e "$spool/$name" ]; then rm -f "$ask"; rm -f "$spool/$name"; exit 0; fi
          if [ -e "$spool/$name.failed" ]; then rm -f "$ask"; rm -f "$spool/$name.failed"; exit 1; fi
          read -t 0.01 -u "$tick" || true
          waited=$((waited + 1))
          if [ $((waited % 200)) -eq 0 ]; then
            [ -d "/proc/$(head -n 1 postmaster.pid 2>/dev/null)" ] || { rm -f "$ask"; exit 1; }
            archiver
            if [ "$starts" -gt 3 ]; then
              rm -f "$ask"; echo "archive of $name failed: the uploader keeps exiting (see $spool.daemon.log)" >&2; exit 1
            fi
          fi
        done
        """;

    /// <summary>
    /// The restore_command body (bash; arguments: parallelism, spool directory, %f, %p; run in the data directory). At
    /// parallelism 1 it is one barman-cloud-wal-restore per file. Above, a file already in the spool is moved into place at
    /// once; a file the fetcher noted missing (the end of the WAL stream) is answered "not found" at once, once. Otherwise
    /// the script leaves <c>NAME.want</c> for the spool's fetcher (<see cref="WalFetcher"/>; started when none holds the
    /// spool's lock) and waits for <c>NAME</c>, <c>NAME.missing</c> or <c>NAME.failed</c>. A segment's name is written to
    /// <c>cursor</c>, so the fetcher keeps the segments after it coming. Every 2 s of waiting it renews its want and restarts
    /// a fetcher that died, and gives up (exit 2) when its PostgreSQL is gone.
    /// </summary>
    public const string RestoreScript = """
        set -u
        parallel=$1; spool=$2; name=$3; dest=$4
        if [ "$parallel" -le 1 ]; then exec barman-cloud-wal-restore "${RESTORE_ARGS[@]}" "$name" "$dest"; fi
        mkdir -p "$spool"
        want=$spool/$name.want
        [[ "$name" =~ ^[0-9A-F]{24}$ ]] && echo "$name" > "$spool/cursor"
        serve() { rm -f "$want"; mv -f "$spool/$name" "$dest" 2>/dev/null && exit 0; }
        [ -e "$spool/$name" ] && serve
        if [ -e "$spool/$name.missing" ]; then rm -f "$spool/$name.missing"; exit 1; fi
        : > "$want"
        fetcher() {
          flock -n "$spool/daemon.lock" true || return 0
          setsid /usr/bin/python3 "$HELPERS/wal_fetcher.py" "$URL" "$SERVER" "$spool" "$parallel" </dev/null >>"$spool/daemon.log" 2>&1 &
        }
        fetcher
        exec {tick}<> <(:)
        waited=0
        while :; do
          [ -e "$spool/$name" ] && serve
          if [ -e "$spool/$name.missing" ]; then rm -f "$spool/$name.missing" "$want"; exit 1; fi
          if [ -e "$spool/$name.failed" ]; then rm -f "$spool/$name.failed" "$want"; exit 2; fi
          read -t 0.01 -u "$tick" || true
          waited=$((waited + 1))
          if [ $((waited % 200)) -eq 0 ]; then
            if [ -e postmaster.pid ]; then [ -d "/proc/$(head -n 1 postmaster.pid)" ] || exit 2; fi
            : > "$want"
            fetcher
          fi
        done
        """;
}
