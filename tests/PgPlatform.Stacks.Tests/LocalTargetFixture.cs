using PgPlatform.Stacks.Targets.Local;

namespace PgPlatform.Stacks.Tests;

/// <summary>
/// One local target shared by the tests of a class. Starting fails (and so does every test of the class)
/// with the missing prerequisite and <c>bash scripts/install-prereqs.sh</c> when the machine lacks one.
/// </summary>
public class LocalTargetFixture : IAsyncLifetime
{
    private LocalTarget? _target;

    /// <summary>The running target.</summary>
    public LocalTarget Target => _target ?? throw new InvalidOperationException("the local target did not start");

    /// <summary>The shape the target starts with. Default: the lab self-test.</summary>
    protected virtual LocalShape Shape => LocalShape.Lab;

    /// <summary>Options the target starts with.</summary>
    protected virtual LocalTargetOptions Options => new();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        _target = await LocalTarget.StartAsync(Options, Shape, _ => { }, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}
