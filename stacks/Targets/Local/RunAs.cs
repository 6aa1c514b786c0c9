namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// How the local target runs Patroni, PostgreSQL and the barman tools: PostgreSQL refuses to run as root,
/// so under root (CI) every process is started through <c>setpriv</c> as <see cref="User"/>; otherwise as
/// the current user. setpriv execs in place, so the pid the driver holds is the real process.
/// </summary>
internal sealed record RunAs(string? User)
{
    /// <summary>The user the prerequisites script creates for root runs.</summary>
    public const string DefaultUser = "pgplatform";

    /// <summary>Root runs as <see cref="DefaultUser"/>, anyone else as themselves.</summary>
    public static RunAs ForCurrentProcess() => new(NativeMethods.IsRoot ? DefaultUser : null);

    /// <summary>The argv prefix that switches user, empty when none is needed.</summary>
    public IReadOnlyList<string> Prefix => User is null ? [] : ["setpriv", $"--reuid={User}", $"--regid={User}", "--init-groups", "--"];

    /// <summary>
    /// Throws <see cref="TargetUnavailableException"/> when the run-as user cannot reach <paramref name="path"/>:
    /// a temp root made with mode 0700 (as <c>mktemp -d</c> does) would stop etcd and PostgreSQL with an obscure error.
    /// </summary>
    public void CheckCanReach(string path)
    {
        // The local target is Linux-only (setpriv, /proc); the guard also tells the analyzer so.
        if (User is null || !OperatingSystem.IsLinux())
        {
            return;
        }

        for (var dir = new DirectoryInfo(path); dir is not null; dir = dir.Parent)
        {
            if (dir.Exists && !File.GetUnixFileMode(dir.FullName).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new TargetUnavailableException($"{User} cannot reach the temp directory {path}: {dir.FullName} is not searchable by others (mode {Convert.ToString((int)File.GetUnixFileMode(dir.FullName), 8)}); set TMPDIR to a directory others can traverse");
            }
        }
    }

    /// <summary>Gives <paramref name="path"/> (recursively) to the run-as user, so processes started as that user can write there.</summary>
    public async Task GiveAsync(string path, CancellationToken cancellationToken)
    {
        if (User is null)
        {
            return;
        }

        await Tool.RunAsync("chown", ["-R", $"{User}:{User}", path], path, new Dictionary<string, string>(), cancellationToken);
    }
}
