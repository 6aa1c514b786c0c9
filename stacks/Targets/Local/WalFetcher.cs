namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The restore side's long-lived WAL fetcher (wal_fetcher.py, written by <see cref="BarmanCloud.WriteHelpers"/>, started by
/// <see cref="WalScripts.RestoreScript"/>): one per spool, so replay pays Python's start once instead of once per batch, and
/// the spool stays ahead of replay the way CNPG's Barman Cloud plugin keeps it (cloudnative-pg/plugin-barman-cloud
/// internal/cnpgi/common/wal.go, <c>restoreFromBarmanObjectStore</c> and <c>gatherWALFilesToRestore</c>: the requested file
/// and up to <c>wal.maxParallel</c> - 1 next segments; a prefetched segment the store lacks marks the end of the WAL stream,
/// <c>isEndOfWALStream</c>).
/// </summary>
internal static class WalFetcher
{
    /// <summary>
    /// wal_fetcher.py <c>URL SERVER SPOOL PARALLEL</c>, run in the data directory by <c>/usr/bin/python3</c>. Holds
    /// <c>SPOOL/daemon.lock</c> (a second fetcher of the spool exits at once). Downloads every <c>SPOOL/NAME.want</c> first,
    /// and keeps the 2 x PARALLEL segments after the newest one asked (<c>SPOOL/cursor</c>; before any, the backup_label's
    /// START WAL file) in the spool, min(PARALLEL, cores) downloads at a time: Python's threads share one core for the
    /// decompression, so more only delay every file of a batch together. A wanted file the store lacks leaves
    /// <c>NAME.missing</c>, one that failed <c>NAME.failed</c>; a prefetched segment the store lacks leaves <c>NAME.missing</c>
    /// and ends prefetching until a segment past it is fetched on request. A want no newer than the fetch of its file is one
    /// being served (the restore command moves the file, then removes its want). Exits when the data directory's PostgreSQL
    /// stops, 5 s after it left recovery, or after 60 s without a request; on exit it clears the spool of everything but wants, cursor, lock and log. Logs to <c>SPOOL/daemon.log</c>.
    /// </summary>
    public const string Python = """
        import fcntl
        import logging
        import os
        import queue
        import re
        import sys
        import threading
        import time

        from wal_batch import download

        SEGMENT = re.compile(r"^[0-9A-F]{24}$")
        KEEP = ("daemon.lock", "daemon.log", "cursor")
        LOG = logging.getLogger("wal_batch")


        def number(name):
            return int(name[8:16], 16) * 256 + int(name[16:24], 16)


        def segment(timeline, n):
            return "%s%08X%08X" % (timeline, n // 256, n % 256)


        def read(path):
            try:
                with open(path) as handle:
                    return handle.read()
            except OSError:
                return ""


        class Fetcher:
            def __init__(self, url, server, spool, parallel):
                self.url, self.server, self.spool, self.parallel = url, server, spool, parallel
                self.lock = threading.Lock()
                self.work = queue.PriorityQueue()
                self.queued, self.active, self.fetched_at = {}, set(), {}
                self.cursor = ""
                self.end = None
                self.noted = set()
                self.sequence = 0
                self.activity = time.monotonic()

            def path(self, name):
                return os.path.join(self.spool, name)

            def enqueue(self, name, priority):
                self.sequence += 1
                self.work.put((priority, self.sequence, name))

            def worker(self):
                while True:
                    _, _, name = self.work.get()
                    with self.lock:
                        if name in self.active or name not in self.queued:
                            continue
                        del self.queued[name]
                        self.active.add(name)
                    started = time.monotonic()
                    try:
                        self.settle(name, download(self.url, self.server, self.spool, name), time.monotonic() - started)
                    except BaseException:
                        # Never leave a request unanswered: the restore command waits for NAME, NAME.missing or NAME.failed.
                        LOG.exception("fetching %s failed", name)
                        with self.lock:
                            self.active.discard(name)
                        open(self.path(name + ".failed"), "w").close()

            def settle(self, name, result, seconds):
                wanted = os.path.exists(self.path(name + ".want"))
                note, beyond = result == "missing", []
                with self.lock:
                    self.active.discard(name)
                    self.fetched_at[name] = time.time()
                    self.activity = time.monotonic()
                    if result == "ok" and self.end is not None and SEGMENT.match(name) and number(name) >= self.end:
                        self.end = None
                    if result == "missing" and not wanted and SEGMENT.match(name):
                        # Only the first missing segment ahead is noted: one past it was asked for too early.
                        if self.end is not None and number(name) > self.end:
                            note = False
                        else:
                            beyond = [n for n in self.noted if n > number(name)]
                            self.end = number(name)
                            self.noted = {n for n in self.noted if n <= self.end} | {self.end}
                            LOG.info("%s is not in the store: the end of the WAL stream", name)
                    for n in beyond:
                        try:
                            os.remove(self.path(segment(name[:8], n) + ".missing"))
                        except FileNotFoundError:
                            pass
                    if note:
                        open(self.path(name + ".missing"), "w").close()
                if result == "failed" and wanted:
                    open(self.path(name + ".failed"), "w").close()
                elif result == "ok":
                    LOG.info("fetched %s (%s) in %.2f s", name, "wanted" if wanted else "ahead", seconds)

            def known(self, name):
                return name in self.queued or name in self.active or os.path.exists(self.path(name)) or os.path.exists(self.path(name + ".missing"))

            def serve_wants(self, files):
                for entry in files:
                    if not entry.endswith(".want"):
                        continue
                    name = entry[:-5]
                    try:
                        asked = os.stat(self.path(entry)).st_mtime
                    except FileNotFoundError:
                        continue
                    with self.lock:
                        self.activity = time.monotonic()
                        if name in self.active or self.queued.get(name) == 0:
                            continue
                        if name not in self.queued and (self.known(name) or asked <= self.fetched_at.get(name, 0)):
                            continue
                        # Asked for, or queued ahead and now asked for: before any segment ahead.
                        self.queued[name] = 0
                    self.enqueue(name, 0)

            def prefetch(self):
                cursor = read(self.path("cursor")).strip()
                if cursor != self.cursor:
                    self.cursor, self.activity = cursor, time.monotonic()
                if SEGMENT.match(cursor):
                    first = number(cursor) + 1
                else:
                    label = re.search(r"START WAL LOCATION: .*\(file ([0-9A-F]{24})\)", read("backup_label"))
                    if label is None:
                        return
                    cursor, first = label.group(1), number(label.group(1))
                for n in range(first, first + 2 * self.parallel):
                    name = segment(cursor[:8], n)
                    with self.lock:
                        if self.end is not None and n >= self.end:
                            return
                        if self.known(name) or name in self.fetched_at:
                            continue
                        self.queued[name] = 1
                    self.enqueue(name, 1)

            def postgres_state(self, watched):
                if not watched:
                    return "running", True
                pid = read("postmaster.pid").split("\n", 1)[0].strip()
                if not pid or not os.path.isdir("/proc/" + pid):
                    return "stopped", False
                return "running", os.path.exists("recovery.signal") or os.path.exists("standby.signal")

            def run(self):
                workers = max(1, min(self.parallel, os.cpu_count() or 1))
                for _ in range(workers):
                    threading.Thread(target=self.worker, daemon=True).start()
                watched = os.path.exists("postmaster.pid")
                LOG.info("fetcher %d serves %s, %d downloads at a time", os.getpid(), self.spool, workers)
                recovered_at = None
                while True:
                    state, recovering = self.postgres_state(watched)
                    if state == "stopped":
                        return "PostgreSQL stopped"
                    recovered_at = None if recovering else (recovered_at or time.monotonic())
                    if recovered_at is not None and time.monotonic() - recovered_at > 5:
                        return "PostgreSQL left recovery"
                    self.serve_wants(os.listdir(self.spool))
                    self.prefetch()
                    with self.lock:
                        idle = not self.queued and not self.active and time.monotonic() - self.activity > 60
                    if idle:
                        return "60 s without a request"
                    time.sleep(0.01)

            def clear(self):
                for entry in os.listdir(self.spool):
                    if entry not in KEEP and not entry.endswith(".want"):
                        try:
                            os.remove(self.path(entry))
                        except OSError:
                            pass


        def main(argv):
            url, server, spool, parallel = argv[0], argv[1], argv[2], int(argv[3])
            os.makedirs(spool, exist_ok=True)
            lock = open(os.path.join(spool, "daemon.lock"), "a")
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return 0
            # The Azure SDK logs every request at INFO: the root logger stays at WARNING, the fetcher's own at INFO.
            logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
            LOG.setLevel(logging.INFO)
            fetcher = Fetcher(url, server, spool, parallel)
            reason = fetcher.run()
            fetcher.clear()
            LOG.info("fetcher %d exits: %s", os.getpid(), reason)
            return 0


        if __name__ == "__main__":
            sys.exit(main(sys.argv[1:]))
        """;
}
