namespace PgPlatform.Components.Day2;

/// <summary>What an application needs to reach its database; every value is known at synthesis.</summary>
public sealed record AppDatabaseOutputs(
    string ClusterName,
    string Namespace,
    string ReadWriteHost,
    int Port,
    string Database,
    string SecretName)
{
    /// <summary>ServiceAccount the instances run as; day-0 creates it with the backup workload identity.</summary>
    public string ServiceAccountName => ClusterName;

    /// <summary>Key of the active login's user name in <see cref="SecretName"/> (the Secret the application mounts).</summary>
    public string UsernameKey => "username";

    /// <summary>Key of the active login's password in <see cref="SecretName"/>.</summary>
    public string PasswordKey => "password";
}
