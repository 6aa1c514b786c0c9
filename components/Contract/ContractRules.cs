using PgPlatform.Components.Contract.Rules;

namespace PgPlatform.Components.Contract;

/// <summary>The one rule set, enforced at synthesis, by <c>check</c> and (for single-object rules) by admission policies.</summary>
public static class ContractRules
{
    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<ContractRule> All { get; } = new ContractRule[]
    {
        new ClusterInstancesRule(),
        new ClusterBackupPluginRule(),
        new ScheduledBackupRule(),
        new NoInTreeBarmanRule(),
        new BackupScheduleRule(),
        new MonitoringRule(),
        new NoEnablePodMonitorRule(),
        new ClusterResourcesRule(),
        new WorkloadResourcesRule(),
        new OwnershipLabelsRule(),
        new ExplicitStorageClassRule(),
        new NoPlaintextSecretsRule(),
        new ExternalSecretsV1Rule(),
        new ReadWriteServiceRule(),
        new ImagesPinnedRule(),
        new SecretsProducedRule(),
        new ZoneSpreadRule(),
    }.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
}
