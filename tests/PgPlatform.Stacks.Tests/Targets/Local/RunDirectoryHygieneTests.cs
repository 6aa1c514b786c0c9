using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using PgPlatform.Stacks.Targets.Local;
using PgPlatform.Stacks.Waits;

namespace PgPlatform.Stacks.Tests.Targets.Local;

/// <summary>
/// What a running local target leaves readable and where its processes put temporary files: secrets only for the
/// run-as user, every temporary file inside the run directory (which teardown deletes), no telemetry.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class RunDirectoryHygieneTests(LocalTargetFixture fixture) : IClassFixture<LocalTargetFixture>
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private string Run => fixture.Target.RunDirectory;

    [Fact]
    public void TheRunDirectoryIsPrivateToTheRunAsUser()
    {
        Assert.Equal(RunDirectory.Mode, File.GetUnixFileMode(Run));
        Assert.Equal(RunAs.ForCurrentProcess().User ?? Environment.UserName, Owner(Run));
    }

    [Fact]
    public void EveryFileHoldingAPasswordIsReadableByItsOwnerOnlyAndPatroniOwnsItsConfiguration()
    {
        var secrets = Secrets();
        var holding = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Run, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            // Unix sockets (.s.PGSQL.*) and links hold nothing to read.
            if (new FileInfo(file).LinkTarget is not null || Path.GetFileName(file).StartsWith(".s.PGSQL", StringComparison.Ordinal) || !ContainsAny(file, secrets))
            {
                continue;
            }

            holding.Add(Path.GetRelativePath(Run, file));
            Assert.True((File.GetUnixFileMode(file) & GroupOrOther) == 0, $"{file} holds a password with mode {Convert.ToString((int)File.GetUnixFileMode(file), 8)}");
        }

        // The files known to hold one must have been found (else the scan proves nothing).
        Assert.True(holding.Contains(Path.Combine("member-1", "patroni.yml")) && holding.Any(f => Path.GetFileName(f) == "pgpass"), string.Join(", ", holding));
        foreach (var member in new[] { "member-1", "member-2", "member-3" })
        {
            var config = Path.Combine(Run, member, "patroni.yml");
            Assert.Equal(PrivateFile.Mode, File.GetUnixFileMode(config));
            Assert.Equal(RunAs.ForCurrentProcess().User ?? Environment.UserName, Owner(config));
        }
    }

    [Fact]
    public void EveryProcessOfTheTargetKeepsItsTemporaryFilesInTheRunDirectoryAndAzuriteSendsNoTelemetry()
    {
        var processes = ProcessSweeper.Find(Run);

        Assert.NotEmpty(processes);
        // PostgreSQL overwrites its environment block with its process title, so /proc shows only what Patroni (which
        // passes its own environment on to PostgreSQL and so to archive_command), etcd and Azurite were started with.
        foreach (var pid in processes.Where(p => !File.ReadAllText($"/proc/{p}/cmdline").StartsWith("postgres", StringComparison.Ordinal)))
        {
            var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
            var tmpdir = environment.FirstOrDefault(v => v.StartsWith("TMPDIR=", StringComparison.Ordinal));
            Assert.True(tmpdir is not null && (tmpdir["TMPDIR=".Length..] + "/").StartsWith(Run + "/", StringComparison.Ordinal),
                $"{pid} ({File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')}) has {tmpdir ?? "no TMPDIR"}");
        }

        var azurite = processes.Select(pid => File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')).Single(argv => argv.Any(a => a.EndsWith("azurite-blob", StringComparison.Ordinal)));
        Assert.Contains("--disableTelemetry", azurite);
        Assert.Empty(Directory.EnumerateDirectories(Run, "appInsights-node*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ABackupCancelledMidwayLeavesItsTemporaryDirectoryInTheRunDirectoryNotTheSystemOne()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var before = Directory.EnumerateDirectories(Run, "barman-cloud-backup-*").ToHashSet();
        var backup = fixture.Target.BackupAsync(cancel.Token);
        string? temporary = null;
        await Waiting.UntilAsync("barman-cloud-backup to make its temporary directory in the run directory", TimeSpan.FromSeconds(60), _ =>
        {
            temporary = Directory.EnumerateDirectories(Run, "barman-cloud-backup-*").FirstOrDefault(d => !before.Contains(d));
            return Task.FromResult(temporary is not null || backup.IsCompleted);
        }, CancellationToken.None, TimeSpan.FromMilliseconds(20));
        Assert.NotNull(temporary);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup);
        // Killed, barman never ran its clean-up: the directory stays, but inside the run directory teardown deletes.
        Assert.True(Directory.Exists(temporary));
    }

    private static string Owner(string path) =>
        Tool.RunAsync("stat", ["-c", "%U", path], "/", new Dictionary<string, string>(), CancellationToken.None).GetAwaiter().GetResult().Trim();

    /// <summary>The superuser and replication passwords as patroni.yml states them, and the application's.</summary>
    private List<byte[]> Secrets()
    {
        var config = File.ReadAllText(Path.Combine(Run, "member-1", "patroni.yml"));
        var passwords = PasswordLine().Matches(config).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, passwords.Count);
        passwords.Add(new NpgsqlConnectionStringBuilder(fixture.Target.ReadWriteConnectionString).Password!);
        Assert.Contains(new NpgsqlConnectionStringBuilder(fixture.Target.SuperuserReadWriteConnectionString).Password!, passwords);
        return [.. passwords.Select(Encoding.ASCII.GetBytes)];
    }

    private static bool ContainsAny(string file, List<byte[]> secrets)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            return secrets.Any(s => bytes.AsSpan().IndexOf(s) >= 0);
        }
        catch (IOException)
        {
            // A file that vanished while scanned (a WAL segment recycled) holds nothing now.
            return false;
        }
    }

    [GeneratedRegex(@"^\s+password: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex PasswordLine();
}
