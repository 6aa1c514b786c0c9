using k8s.Models;
using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Contract.Rules;
using PgPlatform.Components.Serialization;
using PgPlatform.Testing.Cel;

namespace PgPlatform.Components.Tests.Contract;

/// <summary>
/// The admission policies of PGP020 and PGP021, as the program renders them, refuse the leaks and admit the platform's
/// way, evaluated by a real CEL engine on manifests as a user would apply them.
/// </summary>
public sealed class LeakAdmissionTests
{
    private static V1ValidatingAdmissionPolicy Policy(string ruleId) =>
        AdmissionPolicies.Render(ContractRules.All, "production").OfType<V1ValidatingAdmissionPolicy>().Single(p => p.Metadata.Name == $"{ruleId.ToLowerInvariant()}.pg-platform.io");

    private static bool Admits(string ruleId, string yaml)
    {
        var result = CelEvaluator.Shared.EvaluateValidation(Assert.Single(Policy(ruleId).Spec.Validations).Expression, YamlReader.Read(yaml)!.AsObject());
        Assert.True(result.Error is null, result.Error);
        return result.IsTrue;
    }

    private static string ObjectStore(string credentials) =>
        $"apiVersion: barmancloud.cnpg.io/v1\nkind: ObjectStore\nmetadata: {{name: shop-db}}\nspec:\n  configuration:\n    destinationPath: https://st.blob.core.windows.net/shop\n    azureCredentials:\n{credentials}";

    private static string Workload(string kind, string env) =>
        $"apiVersion: apps/v1\nkind: {kind}\nmetadata: {{name: shop}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: shop:1.0.0\n        env:\n{env}";

    [Theory]
    [InlineData("      storageAccount: {name: st, key: account}\n      storageSasToken: {name: st, key: sas}\n", false)]
    [InlineData("      storageAccount: {name: st, key: account}\n      storageKey: {name: st, key: key}\n", false)]
    [InlineData("      connectionString: {name: st, key: connection}\n", false)]
    [InlineData("      inheritFromAzureAD: true\n", true)]
    [InlineData("      useDefaultAzureCredentials: true\n", true)]
    public void PGP020JudgesAnObjectStoresCredentials(string credentials, bool admitted) => Assert.Equal(admitted, Admits("PGP020", ObjectStore(credentials)));

    [Theory]
    [InlineData("storageKey", false)]
    [InlineData("inheritFromAzureAD", true)]
    public void PGP020JudgesAClustersInTreeBackupCredentials(string field, bool admitted)
    {
        var value = field == "inheritFromAzureAD" ? "true" : "{name: st, key: key}";
        var cluster = $"apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata: {{name: shop-db}}\nspec:\n  instances: 3\n  backup:\n    barmanObjectStore:\n      destinationPath: https://st.blob.core.windows.net/shop\n      azureCredentials:\n        {field}: {value}\n";
        Assert.Equal(admitted, Admits("PGP020", cluster));
    }

    [Theory]
    [InlineData("Deployment", "        - {name: LD_DB_PASSWORD, value: hunter2}\n", false)]
    [InlineData("StatefulSet", "        - {name: Api_Token, value: abc}\n", false)]
    [InlineData("Deployment", "        - {name: DATABASE_URL, value: 'postgres://shop:hunter2@shop-db-rw:5432/shop'}\n", false)]
    [InlineData("Deployment", "        - {name: PG_DSN, value: 'host=shop-db-rw Password=hunter2'}\n", false)]
    [InlineData("Deployment", "        - {name: DATABASE_URL, value: 'postgres://shop:$(LD_DB_PASSWORD)@shop-db-rw:5432/shop'}\n", true)]
    [InlineData("Deployment", "        - {name: LD_DB_PASSWORD, valueFrom: {secretKeyRef: {name: shop-db-owner, key: password}}}\n", true)]
    [InlineData("Deployment", "        - {name: LD_DB_PASSWORD_FILE, value: /run/secrets/password}\n", true)]
    [InlineData("Deployment", "        - {name: LD_DB_HOST, value: shop-db-rw.shop-production.svc}\n", true)]
    public void PGP021JudgesWorkloadEnvironments(string kind, string env, bool admitted) => Assert.Equal(admitted, Admits("PGP021", Workload(kind, env)));

    [Fact]
    public void PGP021JudgesPodsToo()
    {
        const string Pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  initContainers:\n  - name: init\n    image: psql:17\n    env:\n    - {name: PGPASSWORD, value: hunter2}\n  containers:\n  - {name: app, image: shop:1.0.0}\n";
        Assert.False(Admits("PGP021", Pod));
        Assert.True(Admits("PGP021", Pod.Replace("value: hunter2", "value: ''", StringComparison.Ordinal)));
    }
}
