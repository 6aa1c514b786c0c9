namespace PgPlatform.Components.Contract;

/// <summary>
/// How a single-object rule is enforced in the cluster: a CEL expression that must be true for the
/// objects in <see cref="Resources"/>, and the message the API server returns when it is not.
/// </summary>
public sealed record CelValidation(string Expression, string Message, IReadOnlyList<AdmissionResource> Resources)
{
    /// <summary>An extra CEL condition on the request (e.g. which users the rule ignores). Default: none.</summary>
    public string? MatchCondition { get; init; }
}
