namespace PgPlatform.Stacks.Targets;

/// <summary>A target whose application password a drill can rotate.</summary>
public interface ICredentialTarget : IDrillTarget
{
    /// <summary>The application role whose password rotates.</summary>
    string ApplicationRole { get; }

    /// <summary>The read-write endpoint as the application role with <paramref name="password"/> (which may be wrong, on purpose).</summary>
    string ConnectionStringWithPassword(string password);

    /// <summary>The application's current password (what the secret store holds).</summary>
    string ApplicationPassword { get; }

    /// <summary>Puts <paramref name="newPassword"/> in the secret store and makes the database accept it (and only it) from now on.</summary>
    Task RotatePasswordAsync(string newPassword, CancellationToken cancellationToken);
}
