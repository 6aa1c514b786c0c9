using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP016: every Secret a Cluster or workload references is produced in the tree (an ExternalSecret target, or the
/// operator's <c>&lt;cluster&gt;-app</c>, which only a Cluster may name: PGP022 keeps workloads on the active login's Secret).
/// </summary>
public sealed class SecretsProducedRule : ContractRule
{
    /// <summary>The operator's Secret of a Cluster is <c>&lt;cluster&gt;-app</c>.</summary>
    private const string AppSuffix = "-app";

    /// <summary>The Secret an ExternalSecret produces: spec.target.name, else its own name.</summary>
    private static readonly ManifestKey Target = ManifestKey.Single("spec.target.name or metadata.name", e => JsonPath.String(e.Element, "spec.target.name") ?? e.Name);

    /// <inheritdoc />
    public override string Id => "PGP016";

    /// <inheritdoc />
    public override string Title => "Referenced Secrets are produced in the tree";

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckAcross(Manifest manifest, ManifestSet all, TierProfile? tier)
    {
        var references = References(manifest).ToList();
        if (references.Count == 0)
        {
            yield break;
        }

        bool Produced(string secret) =>
            all.Find(manifest, ExternalSecretsApi.Group, ExternalSecretsApi.ExternalSecretKind, Target, secret).Any()
            || secret.EndsWith(AppSuffix, StringComparison.Ordinal) && all.Find(manifest, CnpgApi.Group, CnpgApi.ClusterKind, ManifestKey.Name, secret[..^AppSuffix.Length]).Any();
        foreach (var (field, secret) in references.Where(r => !Produced(r.Secret)))
        {
            // A workload's database credentials are the active login's Secret: the owner's <cluster>-app is PGP022's to refuse.
            var alternative = manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind)
                ? "or leave the field out so the operator generates <cluster>-app"
                : "or, for the database login, mount the active login's Secret <cluster>-login that AppDatabase declares (never the owner's <cluster>-app)";
            yield return Violation(manifest, field, $"references Secret '{secret}', which nothing in the tree produces",
                $"declare an {ExternalSecretsApi.ApiVersion} {ExternalSecretsApi.ExternalSecretKind} with spec.target.name: {secret}, {alternative}");
        }
    }

    private static IEnumerable<(string Field, string Secret)> References(Manifest manifest)
    {
        if (manifest.Is(CnpgApi.Group, CnpgApi.ClusterKind))
        {
            foreach (var path in new[] { "spec.bootstrap.initdb.secret.name", "spec.bootstrap.recovery.secret.name", "spec.superuserSecret.name" })
            {
                if (JsonPath.String(manifest.Element, path) is { } secret)
                {
                    yield return (path, secret);
                }
            }

            yield break;
        }

        if (Kinds.PodSpec(manifest) is not { } pod)
        {
            yield break;
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var (index, container) in JsonPath.Objects(pod.Spec, list))
            {
                foreach (var (envIndex, env) in JsonPath.Objects(container, "env"))
                {
                    if (JsonPath.String(env, "valueFrom.secretKeyRef.name") is { } secret)
                    {
                        yield return ($"{pod.Path}.{list}[{index}].env[{envIndex}].valueFrom.secretKeyRef.name", secret);
                    }
                }

                foreach (var (fromIndex, from) in JsonPath.Objects(container, "envFrom"))
                {
                    if (JsonPath.String(from, "secretRef.name") is { } secret)
                    {
                        yield return ($"{pod.Path}.{list}[{index}].envFrom[{fromIndex}].secretRef.name", secret);
                    }
                }
            }
        }
    }
}
