using PgPlatform.Components.Kubernetes.Crds.BarmanCloud;
using PgPlatform.Components.Kubernetes.Crds.Cnpg;
using PgPlatform.Components.Kubernetes.Crds.ExternalSecrets;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Declaration;

/// <summary>
/// One application's database as a stack declares it, read from the stack's model: the Cluster, the ObjectStore
/// it archives into, the ExternalSecret of its owner's login and its login roles, with the names the drill driver acts on taken
/// from those objects (never rebuilt from strings).
/// </summary>
/// <param name="Application">The application.</param>
/// <param name="Tier">The stack's tier.</param>
/// <param name="Names">The platform's names for the database's objects in this environment.</param>
/// <param name="Cluster">The declared CNPG Cluster.</param>
/// <param name="ObjectStore">The ObjectStore the Cluster archives WAL and base backups into.</param>
/// <param name="OwnerSecret">The ExternalSecret producing the owner's login Secret.</param>
/// <param name="Logins">The login roles the application uses and the Secret it mounts, as declared (null when the Cluster declares none).</param>
public sealed record DeclaredDatabase(string Application, TierProfile Tier, DatabaseNames Names, Cluster Cluster, ObjectStore ObjectStore, ExternalSecret OwnerSecret, DeclaredLogins? Logins)
{
    /// <summary>The namespace of the Cluster.</summary>
    public string Namespace => Cluster.Metadata.NamespaceProperty;

    /// <summary>The Cluster's name.</summary>
    public string ClusterName => Cluster.Metadata.Name;

    /// <summary>The ServiceAccount the instances run as (the Cluster's name unless the Cluster says otherwise).</summary>
    public string ServiceAccountName => Cluster.Spec.ServiceAccountName ?? ClusterName;

    /// <summary>The Secret holding the owner's login (<c>username</c>, <c>password</c>).</summary>
    public string OwnerSecretName => OwnerSecret.Spec.Target.Name ?? OwnerSecret.Metadata.Name;

    /// <summary>The ExternalSecret that writes <see cref="OwnerSecretName"/> (what a rotation forces to sync).</summary>
    public string OwnerExternalSecretName => OwnerSecret.Metadata.Name;

    /// <summary>The database owner, whom the login roles act as (CNPG's default <c>app</c> when the bootstrap names none).</summary>
    public string Owner => OwnerOf(Cluster);

    /// <summary>The Key Vault secret the owner's password is read from.</summary>
    public string VaultSecretName => OwnerSecret.Spec.Data[0].RemoteRef.Key;

    /// <summary>Where the archive lives: the ObjectStore's <c>destinationPath</c>, a blob container URI.</summary>
    public Uri BackupContainerUri => new(ObjectStore.Spec.Configuration.DestinationPath);

    /// <summary>
    /// The server (folder) the Cluster archives under in <see cref="BackupContainerUri"/>: the WAL archiver's
    /// <c>serverName</c> parameter, which the plugin defaults to the Cluster's name.
    /// </summary>
    public string ArchiveServerName =>
        Cluster.Spec.Plugins?.FirstOrDefault(p => p.Name == BarmanCloudApi.PluginName && p.IsWalArchiver == true)?.Parameters is { } parameters
        && parameters.TryGetValue(BarmanCloudApi.ServerNameParameter, out var server)
            ? server
            : ClusterName;

    /// <summary>The class of the data volumes.</summary>
    public string? StorageClass => Cluster.Spec.Storage?.StorageClass;

    /// <summary>The PostgreSQL image.</summary>
    public string? ImageName => Cluster.Spec.ImageName;

    /// <summary>Every database <paramref name="model"/> declares, in declaration order.</summary>
    public static IReadOnlyList<DeclaredDatabase> All(ResourceModel model, string environment, TierProfile tier)
    {
        ArgumentNullException.ThrowIfNull(model);
        var objects = model.KubernetesObjects.ToList();
        var databases = new List<DeclaredDatabase>();
        foreach (var cluster in objects.Select(o => o.Object).OfType<Cluster>())
        {
            var ns = cluster.Metadata.NamespaceProperty;
            var application = (cluster.Metadata.Labels is { } labels && labels.TryGetValue(PlatformLabels.Name, out var app) ? app : null)
                ?? throw new DeclarationException($"Cluster {ns}/{cluster.Metadata.Name} has no {PlatformLabels.Name} label", "declare databases with AppDatabase");
            var archiver = cluster.Spec.Plugins?.FirstOrDefault(p => p.Name == BarmanCloudApi.PluginName && p.IsWalArchiver == true);
            var storeName = (archiver?.Parameters is { } parameters && parameters.TryGetValue(BarmanCloudApi.ObjectNameParameter, out var named) ? named : null)
                ?? throw new DeclarationException($"Cluster {ns}/{cluster.Metadata.Name} archives through no {BarmanCloudApi.PluginName} ObjectStore", "declare databases with AppDatabase");
            var store = InNamespace<ObjectStore>(objects, ns, storeName, o => o.Metadata.NamespaceProperty, o => o.Metadata.Name);
            var names = new DatabaseNames(application, environment);
            var secretName = cluster.Spec.Bootstrap?.InitDb?.Secret?.Name ?? cluster.Spec.Bootstrap?.Recovery?.Secret?.Name ?? names.OwnerSecret;
            var secret = InNamespace<ExternalSecret>(objects, ns, secretName, o => o.Metadata.NamespaceProperty, o => o.Spec.Target.Name ?? o.Metadata.Name);
            var inNamespace = objects.Select(o => o.Object).OfType<ExternalSecret>().Where(e => e.Metadata.NamespaceProperty == ns).ToList();
            databases.Add(new DeclaredDatabase(application, tier, names, cluster, store, secret, DeclaredLogins.Read(cluster, OwnerOf(cluster), inNamespace)));
        }

        return databases;
    }

    /// <summary>The database of <paramref name="application"/>; a <see cref="DeclarationException"/> naming the declared ones when there is none.</summary>
    public static DeclaredDatabase Of(ResourceModel model, string environment, TierProfile tier, string application)
    {
        var all = All(model, environment, tier);
        return all.FirstOrDefault(d => d.Application == application)
            ?? throw new DeclarationException(
                $"stack '{environment}' declares no database for application '{application}' (it declares {(all.Count == 0 ? "none" : string.Join(", ", all.Select(d => d.Application)))})",
                $"pick one of those, or add '{{name: {application}}}' to the stack's pg-platform:databases");
    }

    private static string OwnerOf(Cluster cluster) => cluster.Spec.Bootstrap?.InitDb?.Owner ?? cluster.Spec.Bootstrap?.Recovery?.Owner ?? "app";

    private static T InNamespace<T>(IEnumerable<KubernetesObjectResource> objects, string ns, string name, Func<T, string> nsOf, Func<T, string> nameOf) =>
        objects.Select(o => o.Object).OfType<T>().FirstOrDefault(o => nsOf(o) == ns && nameOf(o) == name)
            ?? throw new DeclarationException($"the model has no {typeof(T).Name} {ns}/{name}, which Cluster {ns} names", "declare databases with AppDatabase");
}
