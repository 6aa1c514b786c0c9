namespace PgPlatform.Stacks.Nightly.EvidenceStore;

/// <summary>The evidence store refused or could not be reached; the message names the record and the cause, never a credential.</summary>
public sealed class EvidenceStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EvidenceStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public EvidenceStoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EvidenceStoreException()
    {
    }
}
