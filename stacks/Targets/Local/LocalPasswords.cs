using System.Security.Cryptography;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>Passwords of one local run, random per run: the cluster lives minutes on loopback, but nothing is fixed in code.</summary>
internal sealed record LocalPasswords(string Superuser, string Replication, string Application)
{
    public static LocalPasswords Random() => new(New(), New(), New());

    /// <summary>A fresh random password (hex, so it needs no quoting in YAML, SQL or connection strings).</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
