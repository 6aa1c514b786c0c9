using PgPlatform.Stacks.Nightly.Scheduling;

namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>Where nightly evidence lasts: one record per database per run, never overwritten, read back as history.</summary>
public interface IEvidenceStore
{
    /// <summary>Every record stored for <paramref name="stack"/>, oldest first per database.</summary>
    Task<IReadOnlyList<EvidenceSummary>> ReadHistoryAsync(string stack, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="record"/> (JSON and Markdown); returns the JSON record's name. Throws <see cref="EvidenceStoreException"/> when a record of that name exists.</summary>
    Task<string> WriteAsync(EvidenceRecord record, CancellationToken cancellationToken);

    /// <summary>Where the store is, for people (a container URL without credentials).</summary>
    string Location { get; }
}
