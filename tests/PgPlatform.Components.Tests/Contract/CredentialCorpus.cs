using System.Text.Json.Nodes;
using PgPlatform.Components.Tiers;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// Corpus cases of the two leak rules: static object store credentials (PGP020) and literal secrets in workload
/// environments (PGP021). Each changes one thing in the platform's own output; the CEL parity test runs them in a real CEL engine.
/// </summary>
public static class CredentialCorpus
{
    /// <summary>A planted secret: no finding may print it.</summary>
    public const string Planted = "S3cr3tPlanted";

    private static JsonObject Azure(List<JsonObject> tree) => ContractCorpus.Kind(tree, "ObjectStore")["spec"]!["configuration"]!["azureCredentials"]!.AsObject();

    private static JsonObject Ref(string name) => new() { ["name"] = name, ["key"] = "value" };

    private static void StaticAzure(List<JsonObject> tree, string field)
    {
        Azure(tree).Remove("useDefaultAzureCredentials");
        Azure(tree)["storageAccount"] = Ref("backup-account");
        Azure(tree)[field] = Ref("backup-credential");
    }

    private static void AddEnv(List<JsonObject> tree, string name, string value, string list = "containers")
    {
        var spec = ContractCorpus.Spec(tree, "Deployment")["template"]!["spec"]!;
        var container = list == "containers" ? spec["containers"]![0]! : (spec[list] = new JsonArray(new JsonObject { ["name"] = "migrate", ["image"] = "registry.example.com/migrate:1.0.0" }))[0]!;
        (container["env"] ??= new JsonArray()).AsArray().Add(new JsonObject { ["name"] = name, ["value"] = value });
    }

    private static string Pod(string name, string value) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  labels: {app.kubernetes.io/name: shop, pg-platform.io/team: t, pg-platform.io/tier: production}\n"
        + $"spec:\n  containers:\n  - name: psql\n    image: postgres:17.6\n    env:\n    - name: {name}\n      value: \"{value}\"\n";

    public static IEnumerable<ContractCase> Cases()
    {
        yield return ContractCorpus.Fail("PGP020", "an ObjectStore with a SAS token", t => StaticAzure(t, "storageSasToken"));
        yield return ContractCorpus.Fail("PGP020", "an ObjectStore with a storage key", t => StaticAzure(t, "storageKey"));
        yield return ContractCorpus.Fail("PGP020", "an ObjectStore with a connection string", t => StaticAzure(t, "connectionString"));
        yield return ContractCorpus.Fail("PGP020", "an ObjectStore with S3 access keys", t => ContractCorpus.Spec(t, "ObjectStore")["configuration"]!["s3Credentials"] = new JsonObject { ["accessKeyId"] = Ref("s3"), ["secretAccessKey"] = Ref("s3") });
        yield return ContractCorpus.Fail("PGP020", "a Cluster's in-tree backup with a storage key", t => ContractCorpus.Spec(t, "Cluster")["backup"] = new JsonObject
        {
            ["barmanObjectStore"] = new JsonObject { ["destinationPath"] = "https://x.blob.core.windows.net/shop", ["azureCredentials"] = new JsonObject { ["storageAccount"] = Ref("a"), ["storageKey"] = Ref("k") } },
        });
        yield return ContractCorpus.Fail("PGP020", "a recovery source with a SAS token", t => ContractCorpus.Spec(t, "Cluster")["externalClusters"]![0]!["barmanObjectStore"] = new JsonObject
        {
            ["destinationPath"] = "https://x.blob.core.windows.net/shop-source", ["azureCredentials"] = new JsonObject { ["storageAccount"] = Ref("a"), ["storageSasToken"] = Ref("sas") },
        }, recovery: ContractCorpus.Recovery);
        yield return ContractCorpus.Pass("PGP020", "an ObjectStore inheriting from Azure AD", t =>
        {
            Azure(t).Remove("useDefaultAzureCredentials");
            Azure(t)["inheritFromAzureAD"] = true;
        });
        yield return ContractCorpus.Pass("PGP020", "an ObjectStore with an IAM role", t => ContractCorpus.Spec(t, "ObjectStore")["configuration"]!["s3Credentials"] = new JsonObject { ["inheritFromIAMRole"] = true });
        yield return ContractCorpus.Pass("PGP020", "a Cluster's in-tree backup with workload identity", t => ContractCorpus.Spec(t, "Cluster")["backup"] = new JsonObject
        {
            ["barmanObjectStore"] = new JsonObject { ["destinationPath"] = "https://x.blob.core.windows.net/shop", ["azureCredentials"] = new JsonObject { ["inheritFromAzureAD"] = true } },
        });

        yield return ContractCorpus.Fail("PGP021", "a literal password", t => AddEnv(t, "LD_DB_PASSWORD", Planted));
        yield return ContractCorpus.Fail("PGP021", "a lower-case secret key", t => AddEnv(t, "django_secret_key", Planted));
        yield return ContractCorpus.Fail("PGP021", "a token in an init container", t => AddEnv(t, "GITHUB_TOKEN", Planted, "initContainers"));
        yield return ContractCorpus.Fail("PGP021", "a URL with a password", t => AddEnv(t, "DATABASE_URL", $"postgres://shop:{Planted}@shop-db-rw.shop-production.svc:5432/shop"));
        yield return ContractCorpus.Fail("PGP021", "a keyword DSN with a password", t => AddEnv(t, "PG_DSN", $"host=shop-db-rw dbname=shop password={Planted}"));
        yield return ContractCorpus.Fail("PGP021", "a JDBC URL with a password parameter", t => AddEnv(t, "JDBC", $"jdbc:postgresql://shop-db-rw/shop?user=shop&password={Planted}"));
        yield return ContractCorpus.Fail("PGP021", "a Pod with a literal API key", t => t.Add(ContractCorpus.Yaml(Pod("API_KEY", Planted))));
        yield return ContractCorpus.Pass("PGP021", "a URL whose password is a variable from a Secret", t => AddEnv(t, "DATABASE_URL", "postgres://shop:$(DB_PASSWORD)@shop-db-rw.shop-production.svc:5432/shop"));
        yield return ContractCorpus.Pass("PGP021", "a URL without a password", t => AddEnv(t, "DATABASE_URL", "postgres://shop@shop-db-rw.shop-production.svc:5432/shop?sslmode=require"));
        yield return ContractCorpus.Pass("PGP021", "a password variable that references another", t => AddEnv(t, "PGPASSWORD", "$(DB_PASSWORD)"));
        yield return ContractCorpus.Pass("PGP021", "a password file path", t => AddEnv(t, "POSTGRES_PASSWORD_FILE", "/run/secrets/password"));
        yield return ContractCorpus.Pass("PGP021", "a token endpoint URL", t => AddEnv(t, "OAUTH_TOKEN_URL", "https://login.example.com/oauth2/token"));
        yield return ContractCorpus.Pass("PGP021", "an empty password", t => AddEnv(t, "LD_DB_PASSWORD", ""));
        yield return ContractCorpus.Pass("PGP021", "a Pod reading its password from a Secret", t => t.Add(ContractCorpus.Yaml(Pod("PGPASSWORD", "$(DB_PASSWORD)"))));
        yield return ContractCorpus.Pass("PGP021", "a value that is no secret, in development", t => AddEnv(t, "LOG_LEVEL", "debug"), TierProfiles.Development);
    }
}
