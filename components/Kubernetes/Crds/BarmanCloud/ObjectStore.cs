using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary>Barman Cloud plugin <c>ObjectStore</c> (barmancloud.cnpg.io/v1): where a cluster's WAL and base backups go.</summary>
public sealed class ObjectStore() : CustomResource<ObjectStoreSpec>("barmancloud.cnpg.io/v1", "ObjectStore");
