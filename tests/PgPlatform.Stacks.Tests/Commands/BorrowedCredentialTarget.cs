using PgPlatform.Stacks.Targets;

namespace PgPlatform.Stacks.Tests.Commands;

/// <summary>
/// A target lent to one command run: every call goes to <paramref name="target"/>, but disposing it (as
/// <c>rotate</c> does when it finishes) leaves the target running for the next run of the test class.
/// </summary>
internal sealed class BorrowedCredentialTarget(ICredentialTarget target) : ICredentialTarget
{
    public string Name => target.Name;

    public TargetFacts Facts => target.Facts;

    public string ReadWriteConnectionString => target.ReadWriteConnectionString;

    public string SuperuserReadWriteConnectionString => target.SuperuserReadWriteConnectionString;

    public IReadOnlyList<ClusterMember> Members => target.Members;

    public string Owner => target.Owner;

    /// <summary>True once the command let go of it.</summary>
    public bool Returned { get; private set; }

    public string LoginRole(string slot) => target.LoginRole(slot);

    public string ConnectionStringAs(string role, string password) => target.ConnectionStringAs(role, password);

    public Task<ActiveLogin> ReadActiveLoginAsync(CancellationToken cancellationToken) => target.ReadActiveLoginAsync(cancellationToken);

    public Task<string> ReadLoginPasswordAsync(string slot, CancellationToken cancellationToken) => target.ReadLoginPasswordAsync(slot, cancellationToken);

    public Task<string> WriteLoginPasswordAsync(string slot, string password, CancellationToken cancellationToken) => target.WriteLoginPasswordAsync(slot, password, cancellationToken);

    public Task<string> WaitLoginAppliedAsync(string slot, string password, CancellationToken cancellationToken) => target.WaitLoginAppliedAsync(slot, password, cancellationToken);

    public Task<string> SwitchActiveLoginAsync(string slot, CancellationToken cancellationToken) => target.SwitchActiveLoginAsync(slot, cancellationToken);

    public Task<string> ReloadClientsAsync(CancellationToken cancellationToken) => target.ReloadClientsAsync(cancellationToken);

    public Task<string> DisableLoginAsync(string slot, CancellationToken cancellationToken) => target.DisableLoginAsync(slot, cancellationToken);

    public Task<int> CountSessionsAsync(string role, CancellationToken cancellationToken) => target.CountSessionsAsync(role, cancellationToken);

    public Task<int> TerminateSessionsAsync(string role, CancellationToken cancellationToken) => target.TerminateSessionsAsync(role, cancellationToken);

    public Task<RotationState?> ReadRotationAsync(CancellationToken cancellationToken) => target.ReadRotationAsync(cancellationToken);

    public Task<string> WriteRotationAsync(RotationState? state, CancellationToken cancellationToken) => target.WriteRotationAsync(state, cancellationToken);

    public ValueTask DisposeAsync()
    {
        Returned = true;
        return ValueTask.CompletedTask;
    }
}
