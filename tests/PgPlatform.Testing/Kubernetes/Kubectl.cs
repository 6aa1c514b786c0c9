using System.Diagnostics;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>
/// Runs the repository's pinned kubectl (installed into <c>.tools/bin</c> by
/// <c>scripts/install-prereqs.sh</c>), never whatever kubectl happens to be on PATH, so every machine
/// renders kustomizations with the same kustomize version.
/// </summary>
public static class Kubectl
{
    /// <summary>Environment variable that, when set, names the kubectl binary to use instead.</summary>
    public const string EnvironmentVariable = "PGP_KUBECTL";

    /// <summary>How long a kubectl run may take unless the caller says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Absolute path of the kubectl binary: <c>$PGP_KUBECTL</c>, else <c>&lt;repo&gt;/.tools/bin/kubectl</c>.</summary>
    /// <exception cref="FileNotFoundException">The binary does not exist.</exception>
    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
            var path = string.IsNullOrWhiteSpace(configured)
                ? System.IO.Path.Combine(SharedSchemas.RepoRoot, ".tools", "bin", "kubectl")
                : System.IO.Path.GetFullPath(configured);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"kubectl not found at '{path}'. Run scripts/install-prereqs.sh from the repository root to install it " +
                    $"(or set {EnvironmentVariable} to a kubectl binary).",
                    path);
            }

            return path;
        }
    }

    /// <summary>Runs <c>kubectl kustomize &lt;directory&gt;</c> and returns the rendered YAML (stdout) and any errors.</summary>
    /// <param name="directory">A directory holding a kustomization.yaml.</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <exception cref="TimeoutException">kubectl did not finish in time (it is killed).</exception>
    public static KubectlResult Kustomize(string directory, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return Run(["kustomize", System.IO.Path.GetFullPath(directory)], timeout);
    }

    /// <summary>Runs kubectl with the given arguments.</summary>
    /// <param name="arguments">The arguments, passed as-is (no shell).</param>
    /// <param name="timeout">How long to wait; <see cref="DefaultTimeout"/> when null.</param>
    /// <exception cref="TimeoutException">kubectl did not finish in time (it is killed).</exception>
    public static KubectlResult Run(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{startInfo.FileName}'.");
        process.StandardInput.Close();

        // Drain both pipes concurrently: reading one to the end while the child blocks on a full
        // other pipe is the classic deadlock.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"kubectl {string.Join(' ', startInfo.ArgumentList)} did not finish within {limit}.");
        }

        // The parameterless wait also waits for the redirected streams to reach end of file.
        process.WaitForExit();
        return new KubectlResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
