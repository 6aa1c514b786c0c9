namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The helpers behind the local target's archive_command and restore_command at the declared <c>wal.maxParallel</c>,
/// written by <see cref="BarmanCloud.WriteHelpers"/>. They follow CNPG's Barman Cloud plugin: an archive call for one file
/// also archives other <c>.ready</c> files at once and notes them in a spool, so PostgreSQL's later calls for them return
/// at once (cloudnative-pg/plugin-barman-cloud internal/cnpgi/common/wal.go, <c>Archive</c>: <c>DeleteFromSpool</c>, then
/// <c>GatherReadyWALFiles</c> of cloudnative-pg/machinery pkg/fileutils/wals/wals.go, then <c>ArchiveList</c> of
/// cloudnative-pg/barman-cloud pkg/walarchive/cmd.go, which touches the spool only after a file's upload succeeded); a
/// restore call fetches the requested segment and the next ones into a spool (same wal.go, <c>restoreFromBarmanObjectStore</c>
/// and <c>gatherWALFilesToRestore</c>), and a prefetched segment the store does not have marks the end of the WAL stream,
/// so PostgreSQL's request for it fails at once (<c>isEndOfWALStream</c>, <c>checkEndOfWALStreamFlag</c>).
/// Where the plugin runs one barman-cloud process per file from a Go sidecar, these use barman's own uploader and downloader
/// classes from Python, whose start (about 0.8 s with the Azure SDK) is most of the cost of a small file here: the archive
/// side runs one Python process per batch (a thread per file), the restore side one long-lived fetcher per spool
/// (<see cref="WalFetcher"/>) that the restore command asks for files.
/// </summary>
internal static class WalScripts
{
    /// <summary>
    /// wal_batch.py, run by <c>/usr/bin/python3</c> (barman's interpreter). <c>archive URL SERVER SPOOL PATH...</c>
    /// uploads every PATH (gzip) at once, appends the NAME of each upload that succeeded to <c>SPOOL.log</c> and, for every
    /// PATH after the first that succeeded, creates <c>SPOOL/NAME</c>; exits 0 when the first succeeded.
    /// <c>restore URL SERVER DIRECTORY PARALLEL NAME...</c> downloads every NAME, PARALLEL at a time, to <c>DIRECTORY/NAME</c>
    /// (a one-off copy: the benchmark's local WAL). <see cref="WalFetcher"/> imports its <c>download</c>.
    /// </summary>
    public const string BatchPython = """
        import logging
        import os
        import sys
        import threading
        from concurrent.futures import ThreadPoolExecutor
        from contextlib import closing

        PROVIDER = ["--cloud-provider", "azure-blob-storage"]
        JOURNAL_LOCK = threading.Lock()
        LOCAL = threading.local()


        def archive(url, server, spool, path, noted):
            from barman.clients import cloud_walarchive
            from barman.cloud_providers import get_cloud_interface
            from barman.xlog import is_history_file

            config = cloud_walarchive.parse_arguments(["--gzip"] + PROVIDER + [url, server, path])
            with closing(get_cloud_interface(config)) as cloud:
                uploader = cloud_walarchive.CloudWalUploader(cloud_interface=cloud, server_name=server, compression=config.compression)
                extra = {"override_tags": config.history_tags} if is_history_file(path) else {}
                uploader.upload_wal(path, **extra)
            with JOURNAL_LOCK, open(spool + ".log", "a") as journal:
                journal.write(os.path.basename(path) + "\n")
            if noted:
                open(os.path.join(spool, os.path.basename(path)), "w").close()


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
            mode, url, server, spool = argv[:4]
            if mode == "archive":
                paths = argv[4:]
                with ThreadPoolExecutor(max_workers=len(paths)) as pool:
                    futures = [pool.submit(archive, url, server, spool, path, index > 0) for index, path in enumerate(paths)]
                first = futures[0].exception()
                for path, future in zip(paths, futures):
                    if future.exception() is not None:
                        logging.error("archive of %s failed: %s", path, future.exception())
                return 0 if first is None else 1
            parallel, names = int(argv[4]), argv[5:]
            with ThreadPoolExecutor(max_workers=parallel) as pool:
                results = list(pool.map(lambda name: download(url, server, spool, name), names))
            return 0 if all(result == "ok" for result in results) else 1


        if __name__ == "__main__":
            sys.exit(main(sys.argv[1:]))
        """;

    /// <summary>
    /// The archive_command body (bash; arguments: parallelism, %p, %f; run in the data directory, as PostgreSQL runs it;
    /// the spool is <c>archive-spool</c> beside the data directory, so a base backup never copies it). A file noted in the spool was archived by an earlier call: the note is removed and the call
    /// succeeds at once. Otherwise the requested file and up to parallelism - 1 other ready segments, oldest first (the
    /// order PostgreSQL archives in), are uploaded by one wal_batch.py.
    /// </summary>
    public const string ArchiveScript = """
        set -u
        parallel=$1; path=$2; name=$3; spool=${PWD%/*}/archive-spool
        if [ -e "$spool/$name" ]; then rm -f "$spool/$name"; exit 0; fi
        mkdir -p "$spool"
        files=("$path")
        if [ "$parallel" -gt 1 ]; then
          for ready in $(ls pg_wal/archive_status | sed -n 's/^\([0-9A-F]\{24\}\)[.]ready$/\1/p' | sort); do
            [ ${#files[@]} -ge "$parallel" ] && break
            [ "$ready" = "$name" ] && continue
            [ -e "$spool/$ready" ] && continue
            files+=("pg_wal/$ready")
          done
        fi
        exec /usr/bin/python3 "$HELPERS/wal_batch.py" archive "$URL" "$SERVER" "$spool" "${files[@]}"
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
