namespace PgPlatform.Stacks.Tests.Ephemeral;

/// <summary>
/// A fake <c>pulumi</c> executable (a bash script) in its own directory, to put first on PATH. Each run
/// appends its arguments (tab-separated) and a few environment facts to a log, never a secret: of the
/// passphrase only its length, of standard input only its SHA-256. Behaviour is steered by variables:
/// FAKE_PULUMI_FAIL (a subcommand, e.g. <c>up</c> or <c>destroy</c>, that exits 1), FAKE_PULUMI_HANG (one that
/// sleeps until interrupted), FAKE_PULUMI_STDERR (text printed on stderr when failing).
/// </summary>
public sealed class FakePulumi : IDisposable
{
    /// <summary>What <c>stack output --json</c> answers.</summary>
    public const string CannedOutputs = """{"linkding-rw-host":"linkding-db-rw.linkding-failover-a1b2c3.svc","linkding-database":"linkding","linkding-secret":"linkding-db-owner","linkding-namespace":"linkding-failover-a1b2c3"}""";

    private const string Script = """
        #!/usr/bin/env bash
        set -u
        log="${FAKE_PULUMI_LOG:?}"
        sub="$1"
        if [[ "$1" == "stack" || "$1" == "config" ]]; then sub="$1 $2"; fi
        stdin_hash="none"
        if [[ "$sub" == "config set" && " $* " == *" --secret "* ]]; then
          stdin_hash="$(cat | sha256sum | cut -d' ' -f1)"
        fi
        {
          printf 'argv'; printf '\t%s' "$@"; printf '\n'
          printf 'env\tPULUMI_BACKEND_URL=%s\n' "${PULUMI_BACKEND_URL:-}"
          printf 'env\tpassphrase-length=%s\n' "${#PULUMI_CONFIG_PASSPHRASE}"
          printf 'env\tcwd=%s\n' "$PWD"
          printf 'stdin\t%s\n' "$stdin_hash"
        } >>"$log"
        if [[ "${FAKE_PULUMI_HANG:-}" == "$sub" ]]; then
          exec sleep 300
        fi
        if [[ "${FAKE_PULUMI_FAIL:-}" == "$sub" ]]; then
          echo "error: $sub failed. ${FAKE_PULUMI_STDERR:-}" >&2
          exit 1
        fi
        if [[ "$sub" == "stack output" ]]; then
          stack=""
          prev=""
          for arg in "$@"; do
            if [[ "$prev" == "--stack" ]]; then stack="$arg"; fi
            prev="$arg"
          done
          # Outputs of stacks named <prefix>-<hex> come from outputs.json.<prefix> when a test wrote one.
          per_prefix="${FAKE_PULUMI_OUTPUTS:?}.${stack%-*}"
          if [[ -f "$per_prefix" ]]; then cat "$per_prefix"; else cat "${FAKE_PULUMI_OUTPUTS:?}"; fi
        fi
        exit 0
        """;

    /// <summary>Creates the script and an empty log in a fresh directory.</summary>
    public FakePulumi()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-pulumi-").FullName;
        Executable = Path.Combine(Directory, "pulumi");
        File.WriteAllText(Executable, Script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        LogPath = Path.Combine(Directory, "invocations.log");
        File.WriteAllText(LogPath, "");
        OutputsPath = Path.Combine(Directory, "outputs.json");
        File.WriteAllText(OutputsPath, CannedOutputs);
        BackendDirectory = Path.Combine(Directory, "backend");
    }

    /// <summary>The script's directory.</summary>
    public string Directory { get; }

    /// <summary>The script.</summary>
    public string Executable { get; }

    /// <summary>The invocation log.</summary>
    public string LogPath { get; }

    /// <summary>The canned outputs file.</summary>
    public string OutputsPath { get; }

    /// <summary>A backend directory inside the fake's directory.</summary>
    public string BackendDirectory { get; }

    /// <summary>PATH with the fake first, then the system's (for bash, sha256sum, sleep).</summary>
    public string SearchPath => $"{Directory}{Path.PathSeparator}/usr/local/bin{Path.PathSeparator}/usr/bin{Path.PathSeparator}/bin";

    /// <summary>The whole log text.</summary>
    public string LogText => File.ReadAllText(LogPath);

    /// <summary>Each invocation's arguments, joined by spaces, in order.</summary>
    public IReadOnlyList<string> Commands => [.. File.ReadLines(LogPath).Where(l => l.StartsWith("argv\t", StringComparison.Ordinal)).Select(l => string.Join(' ', l.Split('\t').Skip(1)))];

    /// <summary>The recorded value of <paramref name="fact"/> (e.g. <c>passphrase-length</c>) for each invocation.</summary>
    public IReadOnlyList<string> Facts(string fact) => [.. File.ReadLines(LogPath).Where(l => l.StartsWith($"env\t{fact}=", StringComparison.Ordinal)).Select(l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..])];

    /// <summary>The standard-input hash of each invocation (<c>none</c> when it read none).</summary>
    public IReadOnlyList<string> StdinHashes => [.. File.ReadLines(LogPath).Where(l => l.StartsWith("stdin\t", StringComparison.Ordinal)).Select(l => l[6..])];

    /// <summary>Makes <c>stack output</c> of stacks named <c>&lt;<paramref name="prefix"/>&gt;-&lt;hex&gt;</c> answer <paramref name="json"/>.</summary>
    public void OutputsFor(string prefix, string json) => File.WriteAllText($"{OutputsPath}.{prefix}", json);

    /// <summary>Environment steering the fake, plus its log and outputs.</summary>
    public Dictionary<string, string> Environment(string? fail = null, string? hang = null, string? stderr = null)
    {
        var env = new Dictionary<string, string> { ["FAKE_PULUMI_LOG"] = LogPath, ["FAKE_PULUMI_OUTPUTS"] = OutputsPath };
        if (fail is not null)
        {
            env["FAKE_PULUMI_FAIL"] = fail;
        }

        if (hang is not null)
        {
            env["FAKE_PULUMI_HANG"] = hang;
        }

        if (stderr is not null)
        {
            env["FAKE_PULUMI_STDERR"] = stderr;
        }

        return env;
    }

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
