using PgPlatform.Components.Day0;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Declaration;

/// <summary>
/// Builds the model of one stack: the cluster's day-0 foundation (unless the tier owns none: ephemeral drill
/// stacks onboard their databases against their base environment's), then every application the stack
/// selects from the catalog, each onboarded (and restored from another stack's backups when it says so).
/// </summary>
public static class PlatformDeclaration
{
    /// <summary>The model of <paramref name="settings"/>'s stack, declared against <paramref name="catalog"/>.</summary>
    public static ResourceModel Build(StackSettings settings, IReadOnlyList<CatalogEntry> catalog)
    {
        var duplicate = catalog.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeclarationException($"the application catalog declares '{duplicate.Key}' {duplicate.Count()} times", "give every catalog entry a distinct name");
        }

        var environment = Environment(settings);
        var model = new ResourceModel { Delivery = settings.EffectiveDelivery };
        var day0 = new PlatformFoundationArgs
        {
            Environment = environment,
            Location = settings.AzureLocation,
            SubscriptionId = settings.SubscriptionId,
            TenantId = settings.TenantId,
            OidcIssuerUrl = settings.OidcIssuerUrl,
            DeliverySubject = settings.DeliverySubject,
            GitOps = GitOps(settings),
            InstallMonitoring = settings.Monitoring.Mode == MonitoringMode.Install,
            Delivery = settings.EffectiveDelivery,
        };
        IDatabaseOnboarding onboarding = settings.Tier.DeploysFoundation
            ? new PlatformFoundation(model, "platform", day0)
            : new BaseEnvironmentOnboarding(model, "platform", day0);
        foreach (var (selection, index) in settings.Databases.Select((s, i) => (s, i)))
        {
            var entry = catalog.FirstOrDefault(c => c.Name == selection.Name)
                ?? throw new DeclarationException(
                    $"stack '{settings.Stack}' selects application '{selection.Name}', which the catalog does not declare",
                    $"use one of {string.Join(", ", catalog.Select(c => c.Name))}, or add it to infra/Platform/ApplicationCatalog.cs");
            var recovery = selection.RecoverFrom is { } from
                ? new DatabaseRecovery { SourceEnvironment = from.Stack, BackupId = from.BackupId, TargetTime = from.TargetTime }
                : null;
            var application = new Application(model, entry.Name, new ApplicationArgs
            {
                Database = new AppDatabaseArgs
                {
                    Team = entry.Team,
                    Environment = environment,
                    Instances = selection.Instances,
                    StorageSize = selection.StorageSize,
                    WalStorageSize = selection.WalStorageSize,
                    BackupSchedule = selection.BackupSchedule,
                    RetentionDays = selection.RetentionDays,
                    DeclaredAt = $"{SettingKeys.Databases.Key}[{index}]",
                    DeclaredIn = StackConfigSources.FileName(settings.Stack),
                    Recovery = recovery,
                    DependsOn = onboarding.DependenciesOf(entry.Name, recovery),
                },
                Workload = entry.Workload,
            });
            onboarding.Onboard(entry.Name, application.Database);
        }

        onboarding.Complete();
        return model;
    }

    /// <summary>Where Argo CD reads the stack's GitOps tree, and the project its Applications belong to.</summary>
    public static GitOpsOptions GitOps(StackSettings settings) => new()
    {
        RepoUrl = settings.GitOpsRepoUrl,
        Revision = settings.GitOpsRevision,
        Project = "pg-platform",
    };

    /// <summary>The platform environment a stack's settings describe.</summary>
    public static PlatformEnvironment Environment(StackSettings settings) => new()
    {
        Name = settings.Stack,
        Tier = settings.Tier,
        BackupStorageAccount = settings.BackupStorageAccount,
        KeyVaultName = settings.KeyVaultName,
        ResourceGroupName = settings.ResourceGroup,
        StorageClass = settings.StorageClass,
        MonitoringNamespace = settings.Monitoring.Namespace,
        MonitoringRelease = settings.Monitoring.Release,
        Replication = settings.Replication,
    };
}
