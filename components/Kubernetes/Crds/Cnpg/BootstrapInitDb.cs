using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary><c>bootstrap.initdb</c>: the application database, its owner and the owner's credentials.</summary>
public sealed class BootstrapInitDb
{
    /// <summary>Application database name.</summary>
    [JsonPropertyName("database")] public string? Database { get; init; }

    /// <summary>Owner role of the database.</summary>
    [JsonPropertyName("owner")] public string? Owner { get; init; }

    /// <summary>basic-auth Secret with the owner's username and password.</summary>
    [JsonPropertyName("secret")] public LocalObjectReference? Secret { get; init; }

    /// <summary>SQL run as the superuser in the application database once, right after it was created.</summary>
    [JsonPropertyName("postInitApplicationSQL")] public IList<string>? PostInitApplicationSql { get; init; }

    /// <summary>Whether data page checksums are enabled.</summary>
    [JsonPropertyName("dataChecksums")] public bool? DataChecksums { get; init; }
}
