using System.Text.RegularExpressions;
using Azure;

namespace PgPlatform.Stacks.Targets.ObjectStore;

/// <summary>Turns the Azure SDK's storage failures into one-line <see cref="ObjectStoreException"/>s that carry no credential.</summary>
public static partial class StorageFailure
{
    /// <summary>True for the exceptions a blob call throws when the store is down, refuses the credentials or times out.</summary>
    public static bool IsStorageFailure(Exception e, CancellationToken cancellationToken) =>
        e is RequestFailedException or HttpRequestException or AggregateException or IOException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>An <see cref="ObjectStoreException"/> saying <paramref name="what"/> failed and why, in one line.</summary>
    public static ObjectStoreException Wrap(string what, Exception e) => new($"{what}: {Describe(e)}", e);

    /// <summary>One line about <paramref name="e"/>: the HTTP status and error code when the store answered, else the first cause; SAS signatures and keys masked.</summary>
    public static string Describe(Exception e)
    {
        var text = e switch
        {
            RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status}{(failed.ErrorCode is { } code ? $" {code}" : "")} ({Messages.FirstLine(failed.Message)})",
            AggregateException { InnerExceptions.Count: > 0 } many => Describe(many.InnerExceptions[^1]),
            _ => Messages.FirstLine(e.Message),
        };
        return Secret().Replace(text, m => $"{m.Groups[1].Value}=***");
    }

    [GeneratedRegex("(?i)\\b(sig|accountkey|sharedaccesssignature)=[^&;\\s]*")]
    private static partial Regex Secret();
}
