using System.Security.Cryptography;

namespace PgPlatform.Stacks.Ephemeral;

/// <summary>
/// One short-lived Pulumi stack, driven through the CLI like Pulumi's Automation API: a local file backend,
/// a generated passphrase for secrets, <c>stack init</c>, <c>config set</c>, <c>up</c>, <c>stack output</c>,
/// and <c>destroy</c> + <c>stack rm</c> whatever happens (failure, cancellation, dispose). Teardown runs
/// with its own time limit, never with the caller's (possibly cancelled) token, and its errors are thrown
/// by <see cref="DestroyAsync"/> or logged and kept in <see cref="TeardownError"/> by <see cref="DisposeAsync"/>.
/// </summary>
public sealed class EphemeralStack : IAsyncDisposable
{
    private const string PassphraseFile = "passphrase";
    private readonly EphemeralStackOptions _options;
    private readonly PulumiCli _cli;
    private readonly string _backend;
    private readonly bool _ownsBackend;
    private readonly string _configFile;
    private bool _initialized;
    private bool _tornDown;

    private EphemeralStack(EphemeralStackOptions options, PulumiCli cli, string backend, bool ownsBackend)
    {
        _options = options;
        _cli = cli;
        _backend = backend;
        _ownsBackend = ownsBackend;
        // Stack config lives beside the state, not in the repository root, so a drill leaves no file behind.
        _configFile = Path.Combine(backend, $"Pulumi.{options.StackName}.yaml");
    }

    /// <summary>The stack's name.</summary>
    public string Name => _options.StackName;

    /// <summary>The backend URL (<c>file://...</c>).</summary>
    public string BackendUrl => "file://" + _backend;

    /// <summary>The teardown error <see cref="DisposeAsync"/> met and logged; null if teardown succeeded or did not run.</summary>
    public Exception? TeardownError { get; private set; }

    /// <summary>
    /// Finds the CLI, creates the stack and sets its config. Throws <see cref="PulumiNotFoundException"/> when
    /// the CLI is missing; on any later failure the stack is removed before the exception propagates.
    /// </summary>
    public static async Task<EphemeralStack> CreateAsync(EphemeralStackOptions options, CancellationToken cancellationToken)
    {
        var ownsBackend = options.BackendDirectory is null;
        // Directly in the temp directory: a shared parent (it was pg-platform-stacks/) would stay behind, empty, after every teardown.
        var backend = Path.GetFullPath(options.BackendDirectory ?? Path.Combine(Path.GetTempPath(), $"pg-platform-stack-{options.StackName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}"));
        var passphrase = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var redactor = new Redactor();
        redactor.Add(passphrase);
        foreach (var secret in options.Config.Where(c => c.IsSecret))
        {
            redactor.Add(secret.Value);
        }

        var environment = new Dictionary<string, string?>(options.Environment.ToDictionary(e => e.Key, e => (string?)e.Value))
        {
            ["PULUMI_BACKEND_URL"] = "file://" + backend,
            ["PULUMI_CONFIG_PASSPHRASE"] = passphrase,
            ["PULUMI_SKIP_UPDATE_CHECK"] = "true",
            ["PATH"] = options.SearchPath,
        };
        var cli = PulumiCli.Locate(options.PulumiPath, options.SearchPath, options.ProjectDirectory, environment, redactor, options.Log);
        Directory.CreateDirectory(backend);
        // A copy only the owner can read, so a teardown that failed can be finished by hand
        // (PULUMI_CONFIG_PASSPHRASE_FILE=<backend>/passphrase); the value itself is never printed.
        var passphrasePath = Path.Combine(backend, PassphraseFile);
        await WritePrivateAsync(passphrasePath, passphrase, cancellationToken);

        var stack = new EphemeralStack(options, cli, backend, ownsBackend);
        try
        {
            await stack.InitializeAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the stack, runs <c>up</c> and reads the outputs; on any failure (or cancellation) the stack is torn
    /// down before the exception propagates. The caller owns the returned stack and destroys it.
    /// </summary>
    public static async Task<(EphemeralStack Stack, StackOutputs Outputs)> DeployAsync(EphemeralStackOptions options, CancellationToken cancellationToken)
    {
        var stack = await CreateAsync(options, cancellationToken);
        try
        {
            await stack.UpAsync(cancellationToken);
            return (stack, await stack.OutputsAsync(cancellationToken));
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Deploys the stack (<see cref="DeployAsync"/>), runs <paramref name="work"/>, and tears the stack down
    /// whatever happened. A failure of the work (or cancellation) propagates after teardown, which then only logs
    /// its own errors; after successful work a teardown failure throws <see cref="StackTeardownException"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(EphemeralStackOptions options, Func<EphemeralStack, StackOutputs, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var (stack, outputs) = await DeployAsync(options, cancellationToken);
        T result;
        try
        {
            result = await work(stack, outputs, cancellationToken);
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        await stack.DestroyAsync();
        return result;
    }

    /// <summary><c>pulumi up --yes --skip-preview --non-interactive</c>.</summary>
    public Task UpAsync(CancellationToken cancellationToken) =>
        _cli.RunAsync(["up", .. StackArgs, "--yes", "--skip-preview", "--non-interactive"], _options.DeployTimeout, cancellationToken);

    /// <summary><c>pulumi stack output --json</c>, parsed.</summary>
    public async Task<StackOutputs> OutputsAsync(CancellationToken cancellationToken) =>
        StackOutputs.Parse(await _cli.RunAsync(["stack", "output", .. StackArgs, "--json"], _options.CommandTimeout, cancellationToken));

    /// <summary>
    /// <c>pulumi destroy</c> then <c>pulumi stack rm</c> (skipped when destroy failed: removing the stack would
    /// orphan what is still deployed). Runs at most once, with its own time limits; throws
    /// <see cref="StackTeardownException"/> saying what remains and how to finish by hand.
    /// </summary>
    public async Task DestroyAsync()
    {
        if (_tornDown)
        {
            return;
        }

        _tornDown = true;
        if (!_initialized)
        {
            DeleteBackend();
            return;
        }

        try
        {
            await _cli.RunAsync(["destroy", .. StackArgs, "--yes", "--skip-preview", "--non-interactive"], _options.DeployTimeout, CancellationToken.None);
        }
        catch (PulumiCommandException e)
        {
            throw new StackTeardownException($"stack {Name} was not destroyed: {e.Message}. Its resources may remain; finish with: PULUMI_BACKEND_URL={BackendUrl} PULUMI_CONFIG_PASSPHRASE_FILE={Path.Combine(_backend, PassphraseFile)} pulumi destroy --stack {Name} --config-file {_configFile} --yes && pulumi stack rm {Name} --yes", e);
        }

        try
        {
            await _cli.RunAsync(["stack", "rm", Name, "--yes", "--non-interactive", "--config-file", _configFile], _options.CommandTimeout, CancellationToken.None);
        }
        catch (PulumiCommandException e)
        {
            throw new StackTeardownException($"stack {Name} was destroyed but not removed from {BackendUrl}: {e.Message}", e);
        }

        DeleteBackend();
    }

    /// <summary>Tears the stack down if that has not happened; a teardown error is logged and kept in <see cref="TeardownError"/>, not thrown (dispose runs while another exception may be propagating).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await DestroyAsync();
        }
        catch (StackTeardownException e)
        {
            TeardownError = e;
            _options.Log($"teardown FAILED: {e.Message}");
        }
    }

    private string[] StackArgs => ["--stack", Name, "--config-file", _configFile];

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _cli.RunAsync(["stack", "init", Name, "--secrets-provider", "passphrase", "--non-interactive", "--config-file", _configFile], _options.CommandTimeout, cancellationToken);
        _initialized = true;
        foreach (var setting in _options.Config)
        {
            List<string> args = ["config", "set", .. StackArgs, setting.IsSecret ? "--secret" : "--plaintext"];
            if (setting.IsPath)
            {
                args.Add("--path");
            }

            args.Add("--non-interactive");
            args.Add("--");
            args.Add(setting.Key);
            if (setting.IsSecret)
            {
                // On standard input: a value in the arguments would show in process listings and logs.
                await _cli.RunAsync(args, _options.CommandTimeout, cancellationToken, standardInput: setting.Value);
            }
            else
            {
                args.Add(setting.Value);
                await _cli.RunAsync(args, _options.CommandTimeout, cancellationToken);
            }
        }
    }

    private static async Task WritePrivateAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken);
    }

    private void DeleteBackend()
    {
        if (_ownsBackend && Directory.Exists(_backend))
        {
            Directory.Delete(_backend, recursive: true);
        }
    }
}
