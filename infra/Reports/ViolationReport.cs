using PgPlatform.Components.Contract;

namespace PgPlatform.Infra.Reports;

/// <summary>The result of a <c>check</c> run: what was checked and what broke.</summary>
public sealed record ViolationReport(IReadOnlyList<Manifest> Manifests, IReadOnlyList<Violation> Violations, IReadOnlyList<ContractRule> Rules)
{
    /// <summary>Distinct files the manifests came from.</summary>
    public int Files => Manifests.Select(m => m.Source).Distinct().Count();
}
