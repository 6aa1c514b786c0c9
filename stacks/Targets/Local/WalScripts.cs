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
/// Where the plugin runs one barman-cloud process per file from a Go sidecar, these run one Python process per batch
/// (barman's own uploader and downloader classes, a thread per file): starting Python is most of the cost of a small file here.
/// </summary>
internal static class WalScripts
{
    /// <summary>
    /// wal_batch.py, run by <c>/usr/bin/python3</c> (barman's interpreter). <c>archive URL SERVER SPOOL PATH...</c>
    /// uploads every PATH (gzip) at once, appends the NAME of each upload that succeeded to <c>SPOOL.log</c> and, for every
    /// PATH after the first that succeeded, creates <c>SPOOL/NAME</c>; exits 0 when the first succeeded. <c>restore URL SERVER SPOOL PARALLEL NAME...</c> downloads every NAME,
    /// PARALLEL at a time, to <c>SPOOL/NAME.part</c> renamed to <c>SPOOL/NAME</c>; a NAME the store does not have
    /// leaves <c>SPOOL/NAME.missing</c>; either way <c>SPOOL/NAME.inflight</c> is removed once NAME is settled.
    /// </summary>
    public const string BatchPython = """
        import logging
        import os
        import sys
        import threading
        from concurrent.futures import ThreadPoolExecutor
        from contextlib import closing

        from barman.clients import cloud_walarchive, cloud_walrestore
        from barman.cloud_providers import get_cloud_interface
        from barman.xlog import is_history_file

        PROVIDER = ["--cloud-provider", "azure-blob-storage"]
        JOURNAL_LOCK = threading.Lock()


        def archive(url, server, spool, path, noted):
            config = cloud_walarchive.parse_arguments(["--gzip"] + PROVIDER + [url, server, path])
            with closing(get_cloud_interface(config)) as cloud:
                uploader = cloud_walarchive.CloudWalUploader(cloud_interface=cloud, server_name=server, compression=config.compression)
                extra = {"override_tags": config.history_tags} if is_history_file(path) else {}
                uploader.upload_wal(path, **extra)
            with JOURNAL_LOCK, open(spool + ".log", "a") as journal:
                journal.write(os.path.basename(path) + "\n")
            if noted:
                open(os.path.join(spool, os.path.basename(path)), "w").close()


        def restore(url, server, spool, name):
            target = os.path.join(spool, name)
            try:
                config = cloud_walrestore.parse_arguments(PROVIDER + [url, server, name, target + ".part"])
                with closing(get_cloud_interface(config)) as cloud:
                    downloader = cloud_walrestore.CloudWalDownloader(cloud_interface=cloud, server_name=server)
                    try:
                        downloader.download_wal(name, target + ".part")
                    except SystemExit:
                        # download_wal exits (OperationErrorExit) when the store has no such file: the end of the WAL stream.
                        open(target + ".missing", "w").close()
                        return "missing"
                os.rename(target + ".part", target)
                return "ok"
            except BaseException as error:
                logging.error("restore of %s failed: %s", name, error)
                return "failed"
            finally:
                for leftover in (target + ".part", target + ".inflight"):
                    try:
                        os.remove(leftover)
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
                results = list(pool.map(lambda name: restore(url, server, spool, name), names))
            return 0 if results[0] == "ok" else 1


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
    /// The restore_command body (bash; arguments: parallelism, spool directory, %f, %p). At parallelism 1 it is one
    /// barman-cloud-wal-restore per file. Above, a file is served from the spool when there, waited for when a batch is
    /// fetching it (its <c>.inflight</c> note names the batch's pid; a note whose process is gone is dropped), answered
    /// "not found" at once when a batch found it missing (the end of the WAL stream), and otherwise fetched by a new
    /// batch with the segments after it. After serving segment N, when at least parallelism of segments N+1 to
    /// N+2*parallelism are neither spooled, in flight nor missing, one background batch fetches them, so the spool stays
    /// ahead of replay and each Python start serves parallelism segments.
    /// </summary>
    public const string RestoreScript = """
        set -u
        parallel=$1; spool=$2; name=$3; dest=$4
        if [ "$parallel" -le 1 ]; then exec barman-cloud-wal-restore "${RESTORE_ARGS[@]}" "$name" "$dest"; fi
        mkdir -p "$spool"
        segment() { local m=$(( $2 )); printf '%s%08X%08X' "${1:0:8}" $((m / 256)) $((m % 256)); }
        alive() { local pid; pid=$(cat "$1" 2>/dev/null) && [ -n "$pid" ] && [ -d "/proc/$pid" ]; }
        known() { [ -e "$spool/$1" ] || [ -e "$spool/$1.missing" ] || alive "$spool/$1.inflight"; }
        fetch() {
          /usr/bin/python3 "$HELPERS/wal_batch.py" restore "$URL" "$SERVER" "$spool" "$parallel" "$@" </dev/null >>"$spool/batches.log" 2>&1 &
          local pid=$!
          for f in "$@"; do echo "$pid" > "$spool/$f.inflight"; done
        }
        await() {
          while [ ! -e "$spool/$1" ] && [ ! -e "$spool/$1.missing" ] && alive "$spool/$1.inflight"; do sleep 0.02; done
          rm -f "$spool/$1.inflight"
        }
        topup() {
          [[ "$name" =~ ^[0-9A-F]{24}$ ]] || return 0
          local n=$(( 16#${name:8:8} * 256 + 16#${name:16:8} )) wanted=() i next
          for i in $(seq 1 $((2 * parallel))); do
            next=$(segment "$name" $((n + i)))
            known "$next" || wanted+=("$next")
          done
          if [ ${#wanted[@]} -ge "$parallel" ]; then fetch "${wanted[@]}"; fi
        }
        serve() { mv -f "$spool/$name" "$dest" || exit 1; topup; exit 0; }
        [ -e "$spool/$name" ] && serve
        await "$name"
        [ -e "$spool/$name" ] && serve
        if [ -e "$spool/$name.missing" ]; then rm -f "$spool/$name.missing"; exit 1; fi
        batch=("$name")
        if [[ "$name" =~ ^[0-9A-F]{24}$ ]]; then
          n=$(( 16#${name:8:8} * 256 + 16#${name:16:8} ))
          for i in $(seq 1 $((parallel - 1))); do
            next=$(segment "$name" $((n + i)))
            known "$next" || batch+=("$next")
          done
        fi
        fetch "${batch[@]}"
        await "$name"
        [ -e "$spool/$name" ] && serve
        rm -f "$spool/$name.missing"
        exit 1
        """;
}
