using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>
/// Evidence in a blob container of the platform's storage account (Azurite on the embedded target). Each record is
/// two blobs, <c>&lt;name&gt;.json</c> and <c>&lt;name&gt;.md</c>, created with <c>If-None-Match: *</c> so an existing record
/// is never overwritten (Azure answers 409 <c>BlobAlreadyExists</c>; learn.microsoft.com, "Specifying conditional
/// headers for Blob service operations"). The JSON blob carries the summary the scheduler needs as metadata, so
/// reading the history is one listing, not a download per record.
/// </summary>
/// <param name="container">The evidence container.</param>
/// <param name="location">Where the store is, for people; default the container's URL (on the embedded target, the directory holding Azurite's data).</param>
public sealed class BlobEvidenceStore(BlobContainerClient container, string? location = null) : IEvidenceStore
{
    private const string PassedKey = "passed";
    private const string StartedKey = "startedat";
    private const string DurationKey = "durationseconds";
    private const string RtoKey = "rtoseconds";
    private const string RpoKey = "rposeconds";
    private const string ProjectedRtoKey = "projectedrtoseconds";
    private const string RunKey = "runid";

    /// <inheritdoc />
    public string Location => location ?? container.Uri.GetLeftPart(UriPartial.Path);

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvidenceSummary>> ReadHistoryAsync(string stack, CancellationToken cancellationToken)
    {
        var summaries = new List<EvidenceSummary>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{stack}/", cancellationToken))
            {
                if (blob.Name.EndsWith(".json", StringComparison.Ordinal) && Summary(stack, blob) is { } summary)
                {
                    summaries.Add(summary);
                }
            }
        }
        catch (RequestFailedException e)
        {
            throw new EvidenceStoreException($"cannot read the evidence history under {Location}/{stack}/: HTTP {e.Status} {e.ErrorCode}", e);
        }

        return [.. summaries.OrderBy(s => s.Application, StringComparer.Ordinal).ThenBy(s => s.StartedAt).ThenBy(s => s.RunId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<string> WriteAsync(EvidenceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = record.Name + ".json";
        // Markdown first: a JSON record (what the scheduler lists) never exists without its readable twin.
        await CreateAsync(record.Name + ".md", EvidenceRecordFormat.ToMarkdown(record), "text/markdown; charset=utf-8", null, cancellationToken);
        await CreateAsync(json, EvidenceRecordFormat.ToJson(record), "application/json", Metadata(record), cancellationToken);
        return json;
    }

    private async Task CreateAsync(string name, string content, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
        };
        try
        {
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(content), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new EvidenceStoreException($"evidence {Location}/{name} already exists: records are never overwritten (HTTP 409 {e.ErrorCode})", e);
        }
        catch (RequestFailedException e)
        {
            throw new EvidenceStoreException($"cannot write evidence {Location}/{name}: HTTP {e.Status} {e.ErrorCode}", e);
        }
    }

    private static Dictionary<string, string> Metadata(EvidenceRecord record)
    {
        var metadata = new Dictionary<string, string>
        {
            [RunKey] = record.RunId,
            [PassedKey] = record.Passed ? "true" : "false",
            [StartedKey] = record.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [DurationKey] = Number(record.DurationSeconds),
        };
        if (record.RtoSeconds is { } rto)
        {
            metadata[RtoKey] = Number(rto);
        }

        if (record.ProjectedRtoSeconds is { } projected)
        {
            metadata[ProjectedRtoKey] = Number(projected);
        }

        if (record.RpoSeconds is { } rpo)
        {
            metadata[RpoKey] = Number(rpo);
        }

        return metadata;
    }

    /// <summary>The summary of a listed JSON record; null for a blob this store did not write (no or bad metadata).</summary>
    private static EvidenceSummary? Summary(string stack, BlobItem blob)
    {
        var parts = blob.Name.Split('/');
        var m = blob.Metadata;
        if (parts.Length != 3 || m is null
            || !m.TryGetValue(RunKey, out var run) || !m.TryGetValue(PassedKey, out var passed)
            || !m.TryGetValue(StartedKey, out var started) || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt)
            || !m.TryGetValue(DurationKey, out var duration) || Parse(duration) is not { } seconds)
        {
            return null;
        }

        return new EvidenceSummary(stack, parts[1], run, startedAt, seconds, passed == "true", m.TryGetValue(RtoKey, out var rto) ? Parse(rto) : null, m.TryGetValue(RpoKey, out var rpo) ? Parse(rpo) : null)
        {
            ProjectedRtoSeconds = m.TryGetValue(ProjectedRtoKey, out var projected) ? Parse(projected) : null,
        };
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double? Parse(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

}
