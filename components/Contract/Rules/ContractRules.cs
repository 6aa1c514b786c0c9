namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// The one rule set, enforced at synthesis, by <c>check</c> and (for single-object rules) by admission policies
/// (Contract/Enforcement). It lives with the rules, so that adding a rule touches this folder only and the rule
/// framework (<see cref="ContractRule"/>, <see cref="Manifest"/>) never depends on the rules built on it.
/// </summary>
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
        new NoDeployTimeValuesInGitRule(),
        new SynchronousReplicationRule(),
        new NoStaticStoreCredentialsRule(),
        new NoSecretsInEnvRule(),
        new LoginRolesRule(),
    }.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
}
