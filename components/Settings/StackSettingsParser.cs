using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Settings;

/// <summary>
/// Turns Pulumi config (from a stack file or <c>PULUMI_CONFIG</c>) into <see cref="StackSettings"/>.
/// Pulumi hands structured values to a program as JSON strings, so a value may be either the
/// structure itself or a string holding its JSON; both read the same.
/// </summary>
public static partial class StackSettingsParser
{
    /// <summary>The longest stack name: it is part of namespaces and of Azure names that have limits of their own.</summary>
    public const int MaxStackNameLength = 20;

    /// <summary>
    /// Most databases one stack lists: each is a CNPG Cluster with its own instances, volumes, backups and blob
    /// container, synthesized and deployed together; beyond this a stack is better split (README, "Limits").
    /// </summary>
    public const int MaxDatabases = 100;

    private static readonly string[] DatabaseFields = ["name", "instances", "storageSize", "walStorageSize", "backupSchedule", "retentionDays", "recoverFrom"];

    /// <summary>
    /// Parses the config of stack <paramref name="stack"/>; <paramref name="source"/> names where it came from in errors;
    /// <paramref name="time"/> (default: the system clock) is the clock a <c>recoverFrom.targetTime</c> must not be ahead of.
    /// </summary>
    public static StackSettings Parse(string stack, IReadOnlyDictionary<string, JsonNode?> config, string source, TimeProvider? time = null)
    {
        if (!Dns1123.IsLabel(stack, MaxStackNameLength))
        {
            throw new SettingsException($"stack name '{stack}' ({source}) is not a DNS-1123 label of at most {MaxStackNameLength} characters. Fix: name the stack like 'dev' or 'prod'");
        }

        CheckKeys(config, source);
        string? Optional(SettingKey key) => config.TryGetValue(key.Key, out var node) ? Text(key, node, source) : null;
        string Required(SettingKey key) => Optional(key)
            ?? throw new SettingsException($"missing setting '{key.Key}' in {source}. Fix: add it under 'config:', e.g. '{key.Key}: {key.Example}' ({key.Description})");

        var tierName = Required(SettingKeys.Tier);
        var tier = TierProfiles.All.FirstOrDefault(t => t.Name == tierName)
            ?? throw Invalid(SettingKeys.Tier, tierName, source, $"it is not a tier; use one of {string.Join(", ", TierProfiles.All.Select(t => t.Name))}");

        var storageClass = Optional(SettingKeys.StorageClass) is { } sc ? Checked(SettingKeys.StorageClass, sc, source, StorageClassPattern(), "it is not a Kubernetes object name") : null;
        if (storageClass is null && !tier.DeploysFoundation)
        {
            // The tier's own class is created by a foundation, which a stack of this tier does not deploy: its volumes would stay Pending.
            throw new SettingsException($"missing setting '{SettingKeys.StorageClass.Key}' in {source}: a stack of tier {tier.Name} deploys no foundation, so nothing creates the class '{tier.StorageClass}'. Fix: set it to a class the base environment creates, e.g. '{SettingKeys.StorageClass.Key}: {TierProfiles.Development.StorageClass}'");
        }

        var delivery = Optional(SettingKeys.Delivery) is { } d ? DeliveryOf(d, source) : (Delivery?)null;
        if (delivery == Delivery.GitOps && !tier.DeploysFoundation)
        {
            throw new SettingsException($"setting '{SettingKeys.Delivery.Key}' in {source} is '{DeliveryNames[Delivery.GitOps]}': a stack of tier {tier.Name} deploys no foundation, so no Argo CD ApplicationSet would ever apply its databases. Fix: write '{SettingKeys.Delivery.Key}: {DeliveryNames[Delivery.Pulumi]}' or leave it out");
        }

        return new StackSettings
        {
            Stack = stack,
            Tier = tier,
            KubeContext = Checked(SettingKeys.KubeContext, Required(SettingKeys.KubeContext), source, FreeStringSyntax.KubeContext),
            AzureLocation = Checked(SettingKeys.AzureLocation, Required(SettingKeys.AzureLocation), source, LocationPattern(), "it is not an Azure region name"),
            SubscriptionId = Checked(SettingKeys.SubscriptionId, Required(SettingKeys.SubscriptionId), source, GuidPattern(), "it is not a GUID"),
            TenantId = Checked(SettingKeys.TenantId, Required(SettingKeys.TenantId), source, GuidPattern(), "it is not a GUID"),
            OidcIssuerUrl = Checked(SettingKeys.OidcIssuerUrl, Required(SettingKeys.OidcIssuerUrl), source, v => FreeStringSyntax.Url(v, ["https"], scpLike: false) is { } why ? $"an OIDC issuer is an https:// URL; {why}" : null),
            DeliverySubject = Optional(SettingKeys.DeliverySubject) is { } subject ? Checked(SettingKeys.DeliverySubject, subject, source, SubjectPattern(), "it is not a user name or system:serviceaccount:<namespace>:<name>") : "pg-platform-delivery",
            ResourceGroup = Checked(SettingKeys.ResourceGroup, Required(SettingKeys.ResourceGroup), source, ResourceGroupPattern(), "it is not a resource group name"),
            KeyVaultName = Checked(SettingKeys.KeyVaultName, Required(SettingKeys.KeyVaultName), source, KeyVaultPattern(), "Key Vault names have 3-24 letters, digits and '-', starting with a letter"),
            BackupStorageAccount = Checked(SettingKeys.BackupStorageAccount, Required(SettingKeys.BackupStorageAccount), source, StorageAccountPattern(), "storage account names have 3-24 lower-case letters and digits"),
            StorageClass = storageClass,
            Replication = Optional(SettingKeys.Replication) is { } replication
                ? ReplicationDurability.All.FirstOrDefault(r => r.Name == replication) ?? throw Invalid(SettingKeys.Replication, replication, source, $"use one of {string.Join(", ", ReplicationDurability.All.Select(r => r.Name))}")
                : null,
            Delivery = delivery,
            GitOpsRepoUrl = Checked(SettingKeys.GitOpsRepoUrl, Required(SettingKeys.GitOpsRepoUrl), source, v => FreeStringSyntax.Url(v, ["https", "ssh"], scpLike: true) is { } why ? $"it is not an https://, ssh:// or git@<host>:<path> Git URL; {why}" : null),
            GitOpsRevision = Optional(SettingKeys.GitOpsRevision) is { } revision ? Checked(SettingKeys.GitOpsRevision, revision, source, FreeStringSyntax.GitRevision) : "main",
            Monitoring = MonitoringSettingParser.Parse(config.TryGetValue(SettingKeys.Monitoring.Key, out var monitoring) ? monitoring : null, source),
            Nightly = NightlySettingParser.Parse(config.TryGetValue(SettingKeys.Nightly.Key, out var nightly) ? nightly : null, source),
            Databases = Databases(config.TryGetValue(SettingKeys.Databases.Key, out var dbs) ? dbs : null, stack, source, tier, (time ?? TimeProvider.System).GetUtcNow()),
        };
    }

    /// <summary>The setting value of each <see cref="Delivery"/>.</summary>
    public static readonly IReadOnlyDictionary<Delivery, string> DeliveryNames = new Dictionary<Delivery, string> { [Delivery.GitOps] = "gitops", [Delivery.Pulumi] = "pulumi" };

    private static Delivery DeliveryOf(string value, string source) =>
        DeliveryNames.FirstOrDefault(p => p.Value == value) is { Value: not null } found ? found.Key
            : throw Invalid(SettingKeys.Delivery, value, source, $"use one of {string.Join(", ", DeliveryNames.Values)}");

    private static void CheckKeys(IReadOnlyDictionary<string, JsonNode?> config, string source)
    {
        var known = SettingKeys.All.Where(k => k.Namespace == SettingKeys.Namespace).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in config.Keys.Order(StringComparer.Ordinal))
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var ns = colon > 0 ? key[..colon] : "";
            if (ns == SettingKeys.Namespace && !known.Contains(key))
            {
                throw new SettingsException($"unknown setting '{key}' in {source}. Fix: remove it or use one of {string.Join(", ", known.Order(StringComparer.Ordinal))}");
            }

            if (ns != SettingKeys.Namespace && !SettingKeys.ProviderNamespaces.Contains(ns))
            {
                throw new SettingsException($"unknown setting '{key}' in {source}: settings are '{SettingKeys.Namespace}:<name>' or belong to a provider ({string.Join(", ", SettingKeys.ProviderNamespaces.Order(StringComparer.Ordinal))}). Fix: remove it or correct its namespace");
            }
        }
    }

    private static string Text(SettingKey key, JsonNode? node, string source) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => s,
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        JsonObject o when o.ContainsKey("secure") => throw Invalid(key, "(secret)", source, "it is a secret, but this setting is not secret"),
        _ => throw Invalid(key, node?.ToJsonString() ?? "", source, "it must be a non-empty text value"),
    };

    private static string Checked(SettingKey key, string value, string source, Regex pattern, string why) =>
        pattern.IsMatch(value) ? value : throw Invalid(key, value, source, why);

    private static string Checked(SettingKey key, string value, string source, Func<string, string?> why) =>
        why(value) is { } problem ? throw Invalid(key, value, source, problem) : value;

    private static SettingsException Invalid(SettingKey key, string value, string source, string why) =>
        new($"setting '{key.Key}' in {source} is '{Shown(value)}': {why}. Fix: write a valid value, e.g. '{key.Key}: {key.Example}'");

    /// <summary><paramref name="value"/> with control and non-ASCII characters as <c>\uXXXX</c>, so an error stays one readable line.</summary>
    private static string Shown(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    private static List<DatabaseSelection> Databases(JsonNode? node, string stack, string source, TierProfile tier, DateTimeOffset now)
    {
        var key = SettingKeys.Databases;
        if (node is null)
        {
            throw new SettingsException($"missing setting '{key.Key}' in {source}. Fix: list the applications of the stack, e.g. '{key.Key}: {key.Example}'");
        }

        if (node is JsonValue text && text.TryGetValue<string>(out var json))
        {
            try
            {
                node = JsonNode.Parse(json);
            }
            catch (JsonException e)
            {
                throw Invalid(key, json, source, $"it is not a JSON list ({e.Message})");
            }
        }

        if (node is not JsonArray array)
        {
            throw Invalid(key, node?.ToJsonString() ?? "", source, "it must be a list of {name: <application>} entries");
        }

        if (array.Count == 0)
        {
            // Refused rather than warned: applied by Pulumi, a program without databases deletes every database the
            // stack deployed before, so an emptied list is far more likely a mistake than a wish.
            throw new SettingsException($"setting '{key.Key}' in {source} is an empty list: the stack would deploy no database, and deploying it deletes every database it deployed before. Fix: list the applications of the stack, e.g. '{key.Key}: {key.Example}', or destroy the stack with 'pulumi destroy' if that is what you mean");
        }

        if (array.Count > MaxDatabases)
        {
            throw new SettingsException($"setting '{key.Key}' in {source} lists {array.Count:N0} databases, more than the limit of {MaxDatabases} per stack (README, 'Limits'). Fix: split the applications over several stacks");
        }

        var result = new List<DatabaseSelection>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"'{key.Key}[{i}]' in {source}";
            if (array[i] is not JsonObject entry)
            {
                throw new SettingsException($"{where} is not a mapping. Fix: write entries like '{{name: linkding}}'");
            }

            var unknown = entry.Select(p => p.Key).FirstOrDefault(k => !DatabaseFields.Contains(k));
            if (unknown is not null)
            {
                throw new SettingsException($"{where} has unknown field '{unknown}'. Fix: use only {string.Join(", ", DatabaseFields)}");
            }

            var selection = DatabaseBounds.Check(DatabaseEntry(entry, where), tier, where) with { RecoverFrom = RecoverySettingParser.Parse(entry["recoverFrom"], stack, $"{key.Key}[{i}]", source, now) };
            if (!names.Add(selection.Name))
            {
                throw new SettingsException($"{where}: application '{selection.Name}' is listed twice. Fix: list each application once");
            }

            result.Add(selection);
        }

        return result;
    }

    private static DatabaseSelection DatabaseEntry(JsonObject entry, string where)
    {
        string? Str(string field) => entry[field] is { } v ? v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString() : null;
        int? Int(string field)
        {
            var s = Str(field);
            return s is null ? null
                : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new SettingsException($"{where}: {field} '{s}' {DatabaseBounds.NotACount(s)}. Fix: write a whole number, e.g. '{field}: 3'");
        }

        var name = Str("name") ?? throw new SettingsException($"{where} has no name. Fix: write e.g. '{{name: linkding}}'");
        if (!Dns1123.IsLabel(name, 40))
        {
            throw new SettingsException($"{where}: application name '{name}' is not a DNS-1123 label of at most 40 characters. Fix: use lower-case letters, digits and '-', e.g. 'linkding'");
        }

        try
        {
            var storage = Str("storageSize");
            var wal = Str("walStorageSize");
            var schedule = Str("backupSchedule");
            if (storage is not null)
            {
                Quantity.Require(storage, $"{where}: storageSize");
            }

            if (wal is not null)
            {
                Quantity.Require(wal, $"{where}: walStorageSize");
            }

            if (schedule is not null)
            {
                CnpgSchedule.Require(schedule, $"{where}: backupSchedule");
            }

            return new DatabaseSelection { Name = name, Instances = Int("instances"), StorageSize = storage, WalStorageSize = wal, BackupSchedule = schedule, RetentionDays = Int("retentionDays") };
        }
        catch (DeclarationException e)
        {
            throw new SettingsException(e.Message);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]{1,40}$")]
    private static partial Regex LocationPattern();

    [GeneratedRegex(@"^[-\w._()]{1,89}[-\w_()]$")]
    private static partial Regex ResourceGroupPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$")]
    private static partial Regex KeyVaultPattern();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex StorageAccountPattern();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex StorageClassPattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^([a-zA-Z0-9][-a-zA-Z0-9_.@]*|system:serviceaccount:[a-z0-9][-a-z0-9]*:[a-z0-9][-a-z0-9.]*)$")]
    private static partial Regex SubjectPattern();
}
