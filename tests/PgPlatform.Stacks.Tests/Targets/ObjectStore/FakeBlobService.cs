using System.Net;
using System.Text;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

/// <summary>
/// Azure Blob storage as an in-memory handler: records every request's URI and answers every listing with an
/// empty container, so a test sees which container and prefix a client asked for.
/// </summary>
public sealed class FakeBlobService : HttpMessageHandler
{
    private readonly List<Uri> _requests = [];
    private readonly Lock _gate = new();

    /// <summary>Every request URI so far, in order.</summary>
    public IReadOnlyList<Uri> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>An anonymous client for <paramref name="container"/> whose requests go to this fake, without retries.</summary>
    public BlobContainerClient Container(Uri container)
    {
        var options = new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(this)) };
        options.Retry.MaxRetries = 0;
        return new BlobContainerClient(container, options);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _requests.Add(request.RequestUri!);
        }

        const string Empty = """<?xml version="1.0" encoding="utf-8"?><EnumerationResults><Blobs /><NextMarker /></EnumerationResults>""";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Empty, Encoding.UTF8, "application/xml"), RequestMessage = request });
    }
}
