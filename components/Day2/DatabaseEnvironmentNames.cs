namespace PgPlatform.Components.Day2;

/// <summary>
/// The environment variable names an application reads its database connection from. Each is
/// optional because applications differ; a null name is not set.
/// </summary>
public sealed record DatabaseEnvironmentNames
{
    /// <summary>Host variable; receives <c>&lt;cluster&gt;-rw.&lt;namespace&gt;.svc</c>.</summary>
    public string? Host { get; init; }

    /// <summary>Port variable; receives 5432.</summary>
    public string? Port { get; init; }

    /// <summary>Database name variable.</summary>
    public string? Database { get; init; }

    /// <summary>User variable; read from the credentials Secret.</summary>
    public string? User { get; init; }

    /// <summary>Password variable; read from the credentials Secret.</summary>
    public string? Password { get; init; }
}
