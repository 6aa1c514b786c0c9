namespace PgPlatform.Stacks.Targets.Local;

/// <summary>Checks, before anything starts, that every program the local target runs is installed.</summary>
internal static class Prerequisites
{
    /// <summary>Where each barman-cloud tool, Patroni and HAProxy are installed by Debian's packages.</summary>
    public static readonly string[] DebianPrograms =
    [
        "/usr/bin/patroni", "/usr/bin/etcd", "/usr/bin/barman-cloud-backup", "/usr/bin/barman-cloud-backup-list",
        "/usr/bin/barman-cloud-restore", "/usr/bin/barman-cloud-wal-archive", "/usr/bin/barman-cloud-wal-restore", "/usr/sbin/haproxy",
    ];

    /// <summary>Throws <see cref="TargetUnavailableException"/> naming the first missing prerequisite and the command that installs it.</summary>
    public static void Check(LocalTargetOptions options, string azuriteBlob, RunAs runAs)
    {
        var missing = new List<string>();
        var postgres = Path.Combine(options.PostgresBinDirectory, "postgres");
        if (!File.Exists(postgres))
        {
            missing.Add($"PostgreSQL 15 ({postgres})");
        }

        missing.AddRange(DebianPrograms.Where(p => !File.Exists(p)).Select(p => $"{Path.GetFileName(p)} ({p})"));
        if (!Directory.Exists("/usr/lib/python3/dist-packages/azure/storage/blob"))
        {
            missing.Add("the Azure Blob SDK for /usr/bin/python3 (python3-azure-storage)");
        }

        if (!File.Exists(azuriteBlob))
        {
            missing.Add($"Azurite ({azuriteBlob})");
        }

        if (runAs.User is { } user && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal)))
        {
            missing.Add($"the user {user} that runs PostgreSQL when the driver is root");
        }

        if (missing.Count > 0)
        {
            throw new TargetUnavailableException($"local target: missing prerequisite: {string.Join("; ", missing)}. Install with: {TargetUnavailableException.InstallCommand}");
        }
    }
}
