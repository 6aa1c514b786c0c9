using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.BarmanCloud;

/// <summary>Barman Cloud plugin <c>ObjectStore</c> (barmancloud.cnpg.io/v1): where a cluster's WAL and base backups go.</summary>
public sealed class ObjectStore() : CustomResource<ObjectStoreSpec>(BarmanCloudApi.ApiVersion, BarmanCloudApi.ObjectStoreKind);
