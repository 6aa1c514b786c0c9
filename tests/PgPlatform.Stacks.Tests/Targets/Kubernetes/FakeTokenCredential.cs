using Azure.Core;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>A credential that hands out <see cref="Token"/> (or throws <see cref="Failure"/>) and records what was asked.</summary>
public sealed class FakeTokenCredential : TokenCredential
{
    /// <summary>The access token handed out.</summary>
    public const string Token = "fake-access-token";

    /// <summary>Every token request, in order.</summary>
    public List<TokenRequestContext> Requests { get; } = [];

    /// <summary>Thrown instead of a token, when set.</summary>
    public Exception? Failure { get; set; }

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests.Add(requestContext);
        return Failure is null ? new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1)) : throw Failure;
    }

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
