using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP020: object stores sign in by workload identity, never with a static credential. The credential fields are those of
/// the Barman Cloud plugin's ObjectStore (<c>spec.configuration</c>) and of CNPG's in-tree <c>barmanObjectStore</c>
/// (<c>spec.backup</c>, <c>spec.externalClusters[]</c>), which share one shape: ../shared/schemas/crds/barman-cloud
/// (<c>azureCredentials</c>: connectionString, storageKey, storageSasToken; <c>s3Credentials</c>: accessKeyId,
/// secretAccessKey, sessionToken; <c>googleCredentials</c>: applicationCredentials) and ../shared/schemas/crds/cnpg
/// (postgresql.cnpg.io_clusters.yaml, the same fields under <c>barmanObjectStore</c>).
/// </summary>
public sealed class NoStaticStoreCredentialsRule : ContractRule
{
    /// <summary>Each credentials block and its static fields (a key, a token, a connection string: anything that is not an identity).</summary>
    public static readonly IReadOnlyList<(string Block, IReadOnlyList<string> Fields)> StaticFields =
    [
        ("azureCredentials", ["connectionString", "storageKey", "storageSasToken"]),
        ("s3Credentials", ["accessKeyId", "secretAccessKey", "sessionToken"]),
        ("googleCredentials", ["applicationCredentials"]),
    ];

    private const string Fix = "remove it and sign in by workload identity: azureCredentials.useDefaultAzureCredentials: true (or inheritFromAzureAD: true) with the Cluster's ServiceAccount federated to a managed identity that holds Storage Blob Data Contributor on the container";

    /// <inheritdoc />
    public override string Id => "PGP020";

    /// <inheritdoc />
    public override string Title => "Object stores sign in by workload identity (no storage key, SAS token or connection string)";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"object.kind == '{BarmanCloudApi.ObjectStoreKind}'"
        + $" ? (!has(object.spec.configuration) || {CelNoStatic("object.spec.configuration")})"
        + $" : ((!has(object.spec.backup) || !has(object.spec.backup.barmanObjectStore) || {CelNoStatic("object.spec.backup.barmanObjectStore")})"
        + $" && (!has(object.spec.externalClusters) || object.spec.externalClusters.all(e, !has(e.barmanObjectStore) || {CelNoStatic("e.barmanObjectStore")})))",
        "PGP020: object stores must not hold a storage key, SAS token, connection string or access key; sign in by workload identity (azureCredentials.useDefaultAzureCredentials or inheritFromAzureAD)",
        [AdmissionResource.ObjectStore, AdmissionResource.Cluster]);

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
        foreach (var (path, configuration) in Configurations(manifest))
        {
            foreach (var (block, fields) in StaticFields)
            {
                var credentials = JsonPath.Get(configuration, block);
                foreach (var field in fields.Where(f => JsonPath.Has(credentials, f)))
                {
                    yield return Violation(manifest, $"{path}.{block}.{field}", $"a static credential ({field}) signs in to the object store: it never expires on its own, and whoever reads it writes every backup", Fix);
                }
            }
        }
    }

    /// <summary>The object store configurations of an ObjectStore or a Cluster, with their paths.</summary>
    private static IEnumerable<(string Path, System.Text.Json.JsonElement? Configuration)> Configurations(Manifest manifest)
    {
        if (manifest.Is(BarmanCloudApi.Group, BarmanCloudApi.ObjectStoreKind))
        {
            yield return ("spec.configuration", JsonPath.Get(manifest.Element, "spec.configuration"));
        }
        else if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            yield return ("spec.backup.barmanObjectStore", JsonPath.Get(manifest.Element, "spec.backup.barmanObjectStore"));
            foreach (var (index, external) in JsonPath.Objects(manifest.Element, "spec.externalClusters"))
            {
                yield return ($"spec.externalClusters[{index}].barmanObjectStore", JsonPath.Get(external, "barmanObjectStore"));
            }
        }
    }

    /// <summary>CEL: the configuration at <paramref name="at"/> has no static field in any credentials block.</summary>
    private static string CelNoStatic(string at) => "(" + string.Join(" && ", StaticFields.Select(s =>
        $"(!has({at}.{s.Block}) || ({string.Join(" && ", s.Fields.Select(f => $"!has({at}.{s.Block}.{f})"))}))")) + ")";
}
