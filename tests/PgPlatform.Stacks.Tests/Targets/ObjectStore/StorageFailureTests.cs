using Azure;
using PgPlatform.Stacks.Targets.ObjectStore;

namespace PgPlatform.Stacks.Tests.Targets.ObjectStore;

public sealed class StorageFailureTests
{
    [Fact]
    public void AnAnswerFromTheStoreIsItsStatusCodeAndFirstLine()
    {
        var e = new RequestFailedException(403, "Server failed to authenticate the request.\nRequestId:1\nStatus: 403\nErrorCode: AuthenticationFailed", "AuthenticationFailed", null);

        Assert.Equal("listing: HTTP 403 AuthenticationFailed (Server failed to authenticate the request.)", StorageFailure.Wrap("listing", e).Message);
    }

    [Fact]
    public void RetriesThatAllFailedReportTheLastCause()
    {
        var e = new AggregateException("Retry failed after 2 tries.", new HttpRequestException("Connection refused (127.0.0.1:1)"), new HttpRequestException("Connection refused (127.0.0.1:2)"));

        Assert.Equal("Connection refused (127.0.0.1:2)", StorageFailure.Describe(e));
    }

    [Fact]
    public void SasSignaturesAndAccountKeysAreMasked()
    {
        var e = new HttpRequestException("GET https://a.blob.core.windows.net/c?sv=2024-01-01&sig=c2VjcmV0 failed; AccountKey=a2V5== refused");

        var text = StorageFailure.Describe(e);

        Assert.Equal("GET https://a.blob.core.windows.net/c?sv=2024-01-01&sig=*** failed; AccountKey=*** refused", text);
    }

    [Fact]
    public void OnlyStorageFailuresAndTimeOutsOfTheCallItselfCount()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(StorageFailure.IsStorageFailure(new TaskCanceledException("network timeout"), CancellationToken.None));
        Assert.False(StorageFailure.IsStorageFailure(new TaskCanceledException(), cancelled.Token));
        Assert.False(StorageFailure.IsStorageFailure(new InvalidOperationException(), CancellationToken.None));
    }
}
