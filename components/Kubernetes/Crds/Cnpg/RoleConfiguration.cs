using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>
/// <c>spec.managed.roles[]</c>: one PostgreSQL role the instance manager creates and keeps as declared
/// (cloudnative-pg/cloudnative-pg <c>docs/src/declarative_role_management.md</c>): a changed
/// <see cref="PasswordSecret"/>, <see cref="Login"/> or <see cref="InRoles"/> is applied with <c>ALTER ROLE</c>,
/// <c>GRANT</c> and <c>REVOKE</c>. Unset properties take the CRD's defaults (those of <c>CREATE ROLE</c>).
/// </summary>
public sealed class RoleConfiguration
{
    /// <summary>Role name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary><c>present</c> or <c>absent</c>. Default <c>present</c>.</summary>
    [JsonPropertyName("ensure")] public string? Ensure { get; init; }

    /// <summary>Free text on the role.</summary>
    [JsonPropertyName("comment")] public string? Comment { get; init; }

    /// <summary>Whether the role may log in. Default <c>false</c>.</summary>
    [JsonPropertyName("login")] public bool? Login { get; init; }

    /// <summary>Whether the role inherits the privileges of the roles it is a member of. Default <c>true</c>.</summary>
    [JsonPropertyName("inherit")] public bool? Inherit { get; init; }

    /// <summary>Roles this one is a member of (granted and revoked as the list changes). Default none.</summary>
    [JsonPropertyName("inRoles")] public IList<string>? InRoles { get; init; }

    /// <summary>Concurrent connections the role may open; <c>-1</c> (the default) is no limit.</summary>
    [JsonPropertyName("connectionLimit")] public long? ConnectionLimit { get; init; }

    /// <summary>A <c>kubernetes.io/basic-auth</c> Secret with the role's <c>username</c> and <c>password</c>.</summary>
    [JsonPropertyName("passwordSecret")] public LocalObjectReference? PasswordSecret { get; init; }
}
