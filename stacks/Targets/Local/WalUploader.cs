namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The archive side's long-lived WAL uploader (wal_archiver.py, written by <see cref="BarmanCloud.WriteHelpers"/>, started
/// by <see cref="WalScripts.ArchiveScript"/>): one per archive spool, so archiving pays Python's and the Azure SDK's start
/// once instead of once per archive_command call, and segments PostgreSQL has not asked for yet are uploaded ahead, up to
/// <c>wal.maxParallel</c> at a time, as CNPG's Barman Cloud plugin gathers ready WAL files (cloudnative-pg/plugin-barman-cloud
/// internal/cnpgi/common/wal.go, <c>Archive</c>, and cloudnative-pg/machinery pkg/fileutils/wals/wals.go,
/// <c>GatherReadyWALFiles</c>; the plugin notes a file in its spool only after its upload succeeded).
/// </summary>
internal static class WalUploader
{
    /// <summary>
    /// wal_archiver.py <c>URL SERVER SPOOL PARALLEL</c>, run in the data directory by <c>/usr/bin/python3</c>. Holds
    /// <c>SPOOL.lock</c> (a second uploader of the spool exits at once) and logs to <c>SPOOL.daemon.log</c>. Uploads the file
    /// of every <c>SPOOL/NAME.ask</c> (its content is the path PostgreSQL gave) and, while fewer than PARALLEL uploads run,
    /// the oldest other segments <c>pg_wal/archive_status</c> marks ready. Each successful upload is appended to
    /// <c>SPOOL.log</c> (the journal) and noted as <c>SPOOL/NAME</c>, which the archive command that asks (or asked) for it
    /// removes; a failed asked file leaves <c>NAME.failed</c>, and a failed segment taken ahead is not taken again for 5 s.
    /// Never uploads a segment ahead twice. Exits when the data directory's PostgreSQL stops or after 60 s without work.
    /// </summary>
    public const string Python = """
        import fcntl
        import logging
        import os
        import re
        import sys
        import threading
        import time
        from concurrent.futures import ThreadPoolExecutor

        from wal_batch import upload

        READY = re.compile(r"^([0-9A-F]{24})[.]ready$")
        LOG = logging.getLogger("wal_batch")


        class Archiver:
            def __init__(self, url, server, spool, parallel):
                self.url, self.server, self.spool, self.parallel = url, server, spool, parallel
                self.pool = ThreadPoolExecutor(max_workers=parallel)
                self.lock = threading.Lock()
                self.active, self.archived, self.failed_at = set(), set(), {}
                self.activity = time.monotonic()

            def path(self, name):
                return os.path.join(self.spool, name)

            def submit(self, name, path, asked):
                self.active.add(name)
                self.pool.submit(self.archive, name, path, asked)

            def archive(self, name, path, asked):
                started = time.monotonic()
                try:
                    upload(self.url, self.server, path)
                    ok = True
                except BaseException as error:
                    LOG.error("archive of %s failed: %s", name, error)
                    ok = False
                with self.lock:
                    self.active.discard(name)
                    self.activity = time.monotonic()
                    if ok:
                        self.archived.add(name)
                        with open(self.spool + ".log", "a") as journal:
                            journal.write(name + "\n")
                        open(self.path(name), "w").close()
                        LOG.info("archived %s (%s) in %.2f s", name, "asked" if asked else "ahead", time.monotonic() - started)
                        return
                    self.failed_at[name] = time.monotonic()
                    if os.path.exists(self.path(name + ".ask")):
                        open(self.path(name + ".failed"), "w").close()

            def serve_asks(self):
                for entry in os.listdir(self.spool):
                    if not entry.endswith(".ask"):
                        continue
                    name = entry[:-4]
                    if name in self.active or os.path.exists(self.path(name)) or os.path.exists(self.path(name + ".failed")):
                        continue
                    try:
                        with open(self.path(entry)) as handle:
                            path = handle.read().strip()
                    except FileNotFoundError:
                        continue
                    if path:
                        self.activity = time.monotonic()
                        self.submit(name, path, True)

            def take_ahead(self):
                free = self.parallel - len(self.active)
                if free <= 0:
                    return
                try:
                    ready = sorted(m.group(1) for m in map(READY.match, os.listdir(os.path.join("pg_wal", "archive_status"))) if m)
                except FileNotFoundError:
                    return
                for name in ready:
                    if free == 0:
                        return
                    if name in self.active or name in self.archived or os.path.exists(self.path(name)):
                        continue
                    if time.monotonic() - self.failed_at.get(name, -10) < 5:
                        continue
                    self.activity = time.monotonic()
                    self.submit(name, os.path.join("pg_wal", name), False)
                    free -= 1

            def postgres_running(self):
                try:
                    with open("postmaster.pid") as handle:
                        pid = handle.readline().strip()
                except OSError:
                    return False
                return bool(pid) and os.path.isdir("/proc/" + pid)

            def run(self):
                watched = os.path.exists("postmaster.pid")
                LOG.info("archiver %d serves %s, %d uploads at a time", os.getpid(), self.spool, self.parallel)
                while True:
                    if watched and not self.postgres_running():
                        return "PostgreSQL stopped"
                    with self.lock:
                        self.serve_asks()
                        self.take_ahead()
                        idle = not self.active and time.monotonic() - self.activity > 60
                    if idle:
                        return "60 s without work"
                    time.sleep(0.01)


        def main(argv):
            url, server, spool, parallel = argv[0], argv[1], argv[2], int(argv[3])
            os.makedirs(spool, exist_ok=True)
            lock = open(spool + ".lock", "a")
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return 0
            # The Azure SDK logs every request at INFO: the root logger stays at WARNING, the archiver's own at INFO.
            logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
            LOG.setLevel(logging.INFO)
            archiver = Archiver(url, server, spool, parallel)
            reason = archiver.run()
            archiver.pool.shutdown(wait=True)
            LOG.info("archiver %d exits: %s", os.getpid(), reason)
            return 0


        if __name__ == "__main__":
            sys.exit(main(sys.argv[1:]))
        """;
}
