namespace PgPlatform.Components.Vocabulary;

/// <summary>
/// The Barman Cloud plugin's API (cloudnative-pg/plugin-barman-cloud: <c>api/v1/objectstore_types.go</c>,
/// plugin name in <c>internal/cnpgi/metadata</c>). The only place these names are spelled.
/// </summary>
public static class BarmanCloudApi
{
    /// <summary>API group of the ObjectStore.</summary>
    public const string Group = "barmancloud.cnpg.io";

    /// <summary>API version.</summary>
    public const string Version = "v1";

    /// <summary><c>apiVersion</c> of an ObjectStore.</summary>
    public const string ApiVersion = Group + "/" + Version;

    /// <summary>Kind of the object store.</summary>
    public const string ObjectStoreKind = "ObjectStore";

    /// <summary>Plural resource of <see cref="ObjectStoreKind"/>.</summary>
    public const string ObjectStores = "objectstores";

    /// <summary>Name of the plugin in <c>Cluster.spec.plugins</c>, <c>ScheduledBackup.spec.pluginConfiguration</c> and <c>externalClusters[].plugin</c>.</summary>
    public const string PluginName = "barman-cloud.cloudnative-pg.io";

    /// <summary>Plugin parameter naming the ObjectStore a cluster archives into or recovers from.</summary>
    public const string ObjectNameParameter = "barmanObjectName";

    /// <summary>Plugin parameter naming the server (folder) inside the object store; default: the cluster's name.</summary>
    public const string ServerNameParameter = "serverName";

    /// <summary>Backup method of a CNPG Backup or ScheduledBackup taken by a plugin.</summary>
    public const string PluginMethod = "plugin";
}
