using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract;

/// <summary>Builds CEL source text.</summary>
public static class CelText
{
    /// <summary>
    /// A match condition that leaves out requests of the operators' service accounts: what CNPG (Services, PVCs,
    /// certificates, app credentials), External Secrets (synced Secrets) and Kubernetes itself create is not a manifest
    /// anyone submitted, so the contract's admission policies must not stop it.
    /// </summary>
    public static string NotAnOperatorRequest { get; } = string.Join(" && ",
        OperatorNamespaces.All.Select(ns => $"!request.userInfo.username.startsWith({Quote($"system:serviceaccount:{ns}:")})"));

    /// <summary>A single-quoted CEL string literal of <paramref name="value"/>.</summary>
    public static string Quote(string value) => $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";
}
