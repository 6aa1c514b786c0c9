using System.Text.Json.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Kubernetes.Crds.Cnpg;

/// <summary>CNPG <c>ScheduledBackup</c> (postgresql.cnpg.io/v1).</summary>
public sealed class ScheduledBackup() : CustomResource<ScheduledBackupSpec>(CnpgApi.ApiVersion, CnpgApi.ScheduledBackupKind);
