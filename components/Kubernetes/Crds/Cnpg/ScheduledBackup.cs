using System.Text.Json.Serialization;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>CNPG <c>ScheduledBackup</c> (postgresql.cnpg.io/v1).</summary>
public sealed class ScheduledBackup() : CustomResource<ScheduledBackupSpec>("postgresql.cnpg.io/v1", "ScheduledBackup");
