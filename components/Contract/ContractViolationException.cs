namespace PgPlatform.Components.Contract;

/// <summary>A declaration that breaks the contract; synthesis stops and lists every violation.</summary>
public sealed class ContractViolationException(IReadOnlyList<Violation> violations)
    : Exception($"the declaration breaks the contract in {violations.Count} place(s):")
{
    /// <summary>The violations, in model order.</summary>
    public IReadOnlyList<Violation> Violations { get; } = violations;
}
