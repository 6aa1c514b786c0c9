using System.Text.Json.Nodes;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Model;
using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// The contract corpus: at least one passing and one failing case per rule. Each starts from what the
/// platform itself synthesizes for an application (so the passing baseline is real output) and changes one thing.
/// </summary>
public static class ContractCorpus
{
    /// <summary>The seed article's example, which must fail in production.</summary>
    public const string SeedArticleCluster = "kind: Cluster\nspec:\n  instances: 1\n  storage:\n    size: 5Gi\n";

    /// <summary>A point-in-time recovery from the application's backups in another environment.</summary>
    public static readonly DatabaseRecovery Recovery = new() { SourceEnvironment = "source", BackupId = "20261122T030000", TargetTime = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero) };

    public static List<JsonObject> Platform(TierProfile tier, DatabaseRecovery? recovery = null)
    {
        var model = new ResourceModel();
        var args = TestEnvironments.App(tier, tier.Name);
        _ = new Application(model, "shop", args with { Database = args.Database with { Recovery = recovery } });
        return model.KubernetesObjects.Select(o => o.ToJson()).ToList();
    }

    internal static ContractCase Pass(string rule, string description, Action<List<JsonObject>>? change = null, TierProfile? tier = null, DatabaseRecovery? recovery = null) =>
        new(rule, description, true, () => Changed(tier ?? TierProfiles.Production, change, recovery));

    internal static ContractCase Fail(string rule, string description, Action<List<JsonObject>> change, TierProfile? tier = null, DatabaseRecovery? recovery = null) =>
        new(rule, description, false, () => Changed(tier ?? TierProfiles.Production, change, recovery));

    private static List<JsonObject> Changed(TierProfile tier, Action<List<JsonObject>>? change, DatabaseRecovery? recovery)
    {
        var tree = Platform(tier, recovery);
        change?.Invoke(tree);
        return tree;
    }

    private static JsonObject Recovered(List<JsonObject> tree) => Spec(tree, "Cluster")["bootstrap"]!["recovery"]!.AsObject();

    public static JsonObject Kind(List<JsonObject> tree, string kind) => tree.First(o => (string?)o["kind"] == kind);

    internal static JsonNode Spec(List<JsonObject> tree, string kind) => Kind(tree, kind)["spec"]!;

    internal static JsonNode Container(List<JsonObject> tree) => Spec(tree, "Deployment")["template"]!["spec"]!["containers"]![0]!;

    private static void Remove(List<JsonObject> tree, string kind) => tree.Remove(Kind(tree, kind));

    private static void RemoveAlerts(List<JsonObject> tree, string alertClass)
    {
        var rules = Spec(tree, "PrometheusRule")["groups"]![0]!["rules"]!.AsArray();
        foreach (var rule in rules.Where(r => (string?)r!["labels"]!["alert_class"] == alertClass).ToList())
        {
            rules.Remove(rule);
        }
    }

    private static void SetEnv(List<JsonObject> tree, string name, string value) =>
        Container(tree)["env"]!.AsArray().Single(e => (string?)e!["name"] == name)!["value"] = value;

    internal static JsonObject Yaml(string text) => PgPlatform.Components.Serialization.YamlReader.Read(text)!.AsObject();

    public static IEnumerable<ContractCase> Cases()
    {
        foreach (var rule in ContractRules.All)
        {
            yield return Pass(rule.Id, "the platform's own production output");
            yield return Pass(rule.Id, "the platform's own production output, restored from another environment", recovery: Recovery);
        }

        yield return Fail("PGP002", "a restored cluster whose only Barman Cloud entry reads the source", t => Spec(t, "Cluster").AsObject().Remove("plugins"), recovery: Recovery);
        yield return Fail("PGP004", "a recovery source through the in-tree barmanObjectStore", t => Spec(t, "Cluster")["externalClusters"]![0]!["barmanObjectStore"] = new JsonObject { ["destinationPath"] = "https://x.blob.core.windows.net/shop-source" }, recovery: Recovery);
        yield return Fail("PGP016", "a recovery Secret nothing produces", t => Recovered(t)["secret"]!["name"] = "other", recovery: Recovery);
        yield return Pass("PGP016", "a recovery without an owner Secret (the operator's -app Secret)", t => Recovered(t).Remove("secret"), recovery: Recovery);

        yield return Pass("PGP001", "staging with 2 instances", t => Spec(t, "Cluster")["instances"] = 2, TierProfiles.Staging);
        yield return Pass("PGP001", "development with 1 instance", null, TierProfiles.Development);
        yield return Fail("PGP001", "production with 1 instance", t => Spec(t, "Cluster")["instances"] = 1);
        yield return Fail("PGP001", "production without instances", t => Spec(t, "Cluster").AsObject().Remove("instances"));
        yield return Fail("PGP001", "staging with 1 instance", t => Spec(t, "Cluster")["instances"] = 1, TierProfiles.Staging);
        yield return Fail("PGP002", "no plugins", t => Spec(t, "Cluster").AsObject().Remove("plugins"));
        yield return Fail("PGP002", "plugin is not the WAL archiver", t => Spec(t, "Cluster")["plugins"]![0]!["isWALArchiver"] = false);
        yield return Fail("PGP002", "the named ObjectStore is missing", t => Remove(t, "ObjectStore"));
        yield return Fail("PGP003", "no ScheduledBackup", t => Remove(t, "ScheduledBackup"));
        yield return Fail("PGP003", "backup method barmanObjectStore", t => Spec(t, "ScheduledBackup")["method"] = "barmanObjectStore");
        yield return Fail("PGP004", "in-tree barmanObjectStore", t => Spec(t, "Cluster")["backup"] = new JsonObject { ["barmanObjectStore"] = new JsonObject { ["destinationPath"] = "s3://x" } });
        yield return Fail("PGP004", "external cluster with barmanObjectStore", t => Spec(t, "Cluster")["externalClusters"] = new JsonArray(new JsonObject { ["name"] = "old", ["barmanObjectStore"] = new JsonObject { ["destinationPath"] = "s3://x" } }));
        yield return Pass("PGP005", "a descriptor", t => Spec(t, "ScheduledBackup")["schedule"] = "@daily");
        yield return Fail("PGP005", "the 5-field trap", t => Spec(t, "ScheduledBackup")["schedule"] = "0 3 * * *");
        yield return Fail("PGP005", "7 fields", t => Spec(t, "ScheduledBackup")["schedule"] = "0 0 3 * * * 2026");
        yield return Fail("PGP005", "out-of-range fields", t => Spec(t, "ScheduledBackup")["schedule"] = "99 99 99 * * *");
        yield return Fail("PGP005", "hour 24", t => Spec(t, "ScheduledBackup")["schedule"] = "0 0 24 * * *");
        yield return Fail("PGP005", "day of month 32", t => Spec(t, "ScheduledBackup")["schedule"] = "0 0 3 32 * *");
        yield return Fail("PGP005", "day of week 7", t => Spec(t, "ScheduledBackup")["schedule"] = "0 0 3 * * 1-7");
        yield return Fail("PGP005", "a zero step", t => Spec(t, "ScheduledBackup")["schedule"] = "0 */0 * * * *");
        yield return Fail("PGP005", "an unknown month name", t => Spec(t, "ScheduledBackup")["schedule"] = "0 0 3 * JANUARY *");
        yield return Pass("PGP005", "names, ranges, lists and steps", t => Spec(t, "ScheduledBackup")["schedule"] = "0 5,35 1-4/3 1-7 Jan-MAR,dec mon");
        yield return Pass("PGP005", "leading zeros and ?", t => Spec(t, "ScheduledBackup")["schedule"] = "00 05 03 ? * *");
        yield return Fail("PGP006", "no PodMonitor", t => Remove(t, "PodMonitor"));
        yield return Fail("PGP006", "no PrometheusRule", t => Remove(t, "PrometheusRule"));
        yield return Fail("PGP006", "three instances without the HA-degraded rules", t => RemoveAlerts(t, "ha-degraded"));
        yield return Fail("PGP006", "one instance without the cluster-offline rules", t => RemoveAlerts(t, "cluster-offline"), TierProfiles.Development);
        yield return Pass("PGP006", "one instance has no replica rules to need", null, TierProfiles.Development);
        yield return Pass("PGP007", "enablePodMonitor false", t => Spec(t, "Cluster")["monitoring"] = new JsonObject { ["enablePodMonitor"] = false });
        yield return Fail("PGP007", "enablePodMonitor true", t => Spec(t, "Cluster")["monitoring"] = new JsonObject { ["enablePodMonitor"] = true });
        yield return Pass("PGP008", "development without a memory limit", null, TierProfiles.Development);
        yield return Fail("PGP008", "no cpu request", t => Spec(t, "Cluster")["resources"]!["requests"]!.AsObject().Remove("cpu"));
        yield return Fail("PGP008", "production without a memory limit", t => Spec(t, "Cluster")["resources"]!.AsObject().Remove("limits"));
        yield return Fail("PGP009", "container without resources", t => Container(t).AsObject().Remove("resources"));
        yield return Fail("PGP009", "production container without a memory limit", t => Container(t)["resources"]!.AsObject().Remove("limits"));
        yield return Fail("PGP010", "ObjectStore without a team label", t => Kind(t, "ObjectStore")["metadata"]!["labels"]!.AsObject().Remove(PlatformLabels.Team));
        yield return Fail("PGP010", "an unknown tier", t => Kind(t, "Service")["metadata"]!["labels"]![PlatformLabels.Tier] = "gold");
        yield return Fail("PGP011", "no storage class", t => Spec(t, "Cluster")["storage"]!.AsObject().Remove("storageClass"));
        yield return Fail("PGP011", "WAL storage without a class", t => Spec(t, "Cluster")["walStorage"] = new JsonObject { ["size"] = "5Gi" });
        yield return Pass("PGP012", "a Secret without values", t => t.Add(Yaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\n  labels: {app.kubernetes.io/name: shop, pg-platform.io/team: t, pg-platform.io/tier: production}\ntype: Opaque\n")));
        yield return Fail("PGP012", "a Secret with stringData", t => t.Add(Yaml("apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\n  labels: {app.kubernetes.io/name: shop, pg-platform.io/team: t, pg-platform.io/tier: production}\nstringData:\n  password: hunter2\n")));
        yield return Fail("PGP013", "ExternalSecret v1beta1", t => Kind(t, "ExternalSecret")["apiVersion"] = "external-secrets.io/v1beta1");
        yield return Fail("PGP014", "host on the -ro service", t => SetEnv(t, "DB_HOST", "shop-db-ro.shop-production.svc"));
        yield return Fail("PGP014", "host on the -r service", t => SetEnv(t, "DB_HOST", "shop-db-r"));
        yield return Fail("PGP014", "host on an instance pod", t => SetEnv(t, "DB_HOST", "shop-db-1.shop-db"));
        yield return Fail("PGP014", "host of no Cluster", t => SetEnv(t, "DB_HOST", "legacy-postgres.example.com"));
        yield return Fail("PGP014", "a URL on the -ro service", t => SetEnv(t, "DB_HOST", "postgres://shop:$(DB_PASSWORD)@shop-db-ro.shop-production.svc:5432/shop"));
        yield return Pass("PGP014", "a URL on the -rw service, with a port", t => SetEnv(t, "DB_HOST", "postgres://shop@shop-db-rw.shop-production.svc:5432/shop"));
        yield return Pass("PGP015", "images pinned by digest", t => Container(t)["image"] = $"registry.example.com/app@sha256:{new string('a', 64)}");
        yield return Fail("PGP015", "an application on latest", t => Container(t)["image"] = "registry.example.com/app:latest");
        yield return Fail("PGP015", "an application without tag", t => Container(t)["image"] = "registry.example.com:5000/app");
        yield return Fail("PGP015", "a Cluster image without tag", t => Spec(t, "Cluster")["imageName"] = "ghcr.io/cloudnative-pg/postgresql");
        yield return Pass("PGP016", "the operator's -app Secret", t => Container(t)["env"]!.AsArray().Last()!["valueFrom"]!["secretKeyRef"]!["name"] = "shop-db-app");
        yield return Fail("PGP016", "a Secret nothing produces", t => Container(t)["env"]!.AsArray().Last()!["valueFrom"]!["secretKeyRef"]!["name"] = "hand-made");
        yield return Fail("PGP016", "a bootstrap Secret nothing produces", t => Spec(t, "Cluster")["bootstrap"]!["initdb"]!["secret"]!["name"] = "other");
        yield return Pass("PGP017", "required anti-affinity across zones", t =>
        {
            Spec(t, "Cluster").AsObject().Remove("topologySpreadConstraints");
            Spec(t, "Cluster")["affinity"]!["topologyKey"] = "topology.kubernetes.io/zone";
        });
        yield return Pass("PGP019", "staging with preferred durability", null, TierProfiles.Staging);
        yield return Pass("PGP019", "development replicating asynchronously", null, TierProfiles.Development);
        yield return Fail("PGP019", "production replicating asynchronously", t => Spec(t, "Cluster")["postgresql"]!.AsObject().Remove("synchronous"));
        yield return Fail("PGP019", "production with preferred durability", t => Spec(t, "Cluster")["postgresql"]!["synchronous"]!["dataDurability"] = "preferred");
        yield return Fail("PGP019", "production without dataDurability", t => Spec(t, "Cluster")["postgresql"]!["synchronous"]!.AsObject().Remove("dataDurability"));
        yield return Fail("PGP019", "production without spec.postgresql", t => Spec(t, "Cluster").AsObject().Remove("postgresql"));
        yield return Fail("PGP017", "production without zone spread", t => Spec(t, "Cluster").AsObject().Remove("topologySpreadConstraints"));
        yield return Fail("PGP017", "a spread that only prefers zones", t => Spec(t, "Cluster")["topologySpreadConstraints"]![0]!["whenUnsatisfiable"] = "ScheduleAnyway");
        foreach (var @case in CredentialCorpus.Cases())
        {
            yield return @case;
        }

        yield return Fail("PGP022", "a Cluster without managed login roles", t => Spec(t, "Cluster").AsObject().Remove("managed"));
        yield return Fail("PGP022", "login roles that are no members of the owner", t => { foreach (var role in Spec(t, "Cluster")["managed"]!["roles"]!.AsArray()) { role!["inRoles"] = new JsonArray("pg_monitor"); } });
        yield return Fail("PGP022", "login roles without a password Secret", t => { foreach (var role in Spec(t, "Cluster")["managed"]!["roles"]!.AsArray()) { role!.AsObject().Remove("passwordSecret"); } });
        yield return Fail("PGP022", "the owner declared a managed login", t => Spec(t, "Cluster")["managed"]!["roles"]!.AsArray().Add(new JsonObject { ["name"] = "shop", ["login"] = true }));
        yield return Fail("PGP022", "the application reading the owner's bootstrap Secret", t => Container(t)["env"]!.AsArray().Last()!["valueFrom"]!["secretKeyRef"]!["name"] = "shop-db-owner");
        yield return Fail("PGP022", "the application reading the operator's -app Secret", t => Container(t)["env"]!.AsArray().Last()!["valueFrom"]!["secretKeyRef"]!["name"] = "shop-db-app");
        yield return Pass("PGP022", "only login b active", t =>
        {
            var roles = Spec(t, "Cluster")["managed"]!["roles"]!.AsArray();
            roles[0]!["login"] = false;
            roles[1]!["login"] = true;
        });
        yield return Fail("PGP018", "an annotation holding a deploy-time value", t => Kind(t, "ExternalSecret")["metadata"]!["annotations"] = new JsonObject { ["note"] = $"vault {new OutputReference("vault", "properties.vaultUri").Embed()}" });
    }
}
