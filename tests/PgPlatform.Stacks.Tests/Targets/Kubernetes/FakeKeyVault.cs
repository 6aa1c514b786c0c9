using System.Net;
using System.Text;

namespace PgPlatform.Stacks.Tests.Targets.Kubernetes;

/// <summary>
/// Key Vault's HTTP side for <c>SecretClient</c>: a request without a bearer token gets the 401 challenge the
/// real vault sends (so the client's challenge-based sign-in runs as in production); every signed request is
/// recorded and answered by <see cref="Answer"/> (by default a stored secret).
/// </summary>
public sealed class FakeKeyVault : HttpMessageHandler
{
    /// <summary>The tenant the challenge names.</summary>
    public const string Tenant = "00000000-0000-0000-0000-00000000beef";

    /// <summary>Every request that carried an Authorization header, in order.</summary>
    public List<(HttpMethod Method, Uri Uri, string? Authorization, string? Body)> Signed { get; } = [];

    /// <summary>Answers a signed request (status and JSON body); the default stores the secret.</summary>
    public Func<HttpRequestMessage, string?, (HttpStatusCode Status, string Json)> Answer { get; set; } = (request, _) =>
        (HttpStatusCode.OK, $$"""{"value":"stored","id":"{{request.RequestUri!.GetLeftPart(UriPartial.Path)}}/0123456789abcdef","attributes":{"enabled":true,"created":1767225600,"updated":1767225600,"recoveryLevel":"Recoverable+Purgeable"},"contentType":"text/plain"}""");

    /// <summary>Thrown instead of answering, when set (an unreachable vault).</summary>
    public Exception? Unreachable { get; set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Unreachable is not null)
        {
            throw Unreachable;
        }

        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var authorization = request.Headers.Authorization?.ToString();
        if (authorization is null)
        {
            var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":{"code":"Unauthorized","message":"AKV10000: Request is missing a Bearer or PoP token."}}""", Encoding.UTF8, "application/json") };
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", $"Bearer authorization=\"https://login.microsoftonline.com/{Tenant}\", resource=\"https://vault.azure.net\"");
            return challenge;
        }

        Signed.Add((request.Method, request.RequestUri!, authorization, body));
        var (status, json) = Answer(request, body);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
