using PgPlatform.Components.Tiers;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Contract.Rules;

/// <summary>
/// PGP021: no workload carries a literal secret in <c>env[].value</c>: neither a variable whose name says it is one
/// (PASSWORD, SECRET, TOKEN, API_KEY; not one naming a file, path or URL) nor a connection string with a password
/// (<c>postgres://user:pw@host</c>, <c>password=pw</c>). A <c>$(NAME)</c> reference to a variable filled from a Secret is
/// fine. The finding names the container and variable, never the value.
/// </summary>
public sealed class NoSecretsInEnvRule : ContractRule
{
    private static readonly string CelEnvOk =
        $"!has(e.value) || (!(e.name.matches({CelText.Quote(SecretText.SecretNamePattern)}) && !e.name.matches({CelText.Quote(SecretText.LocationNamePattern)}) && size(e.value) > 0 && !e.value.matches({CelText.Quote(SecretText.ReferencePattern)}))"
        + $" && !e.value.matches({CelText.Quote(SecretText.UrlPasswordPattern)}) && !e.value.matches({CelText.Quote(SecretText.KeywordPasswordPattern)}))";

    private static readonly string CelContainersOk = $"c, !has(c.env) || c.env.all(e, {CelEnvOk})";

    /// <inheritdoc />
    public override string Id => "PGP021";

    /// <inheritdoc />
    public override string Title => "Workloads hold no literal password, token or DSN with a password in env values";

    /// <inheritdoc />
    public override CelValidation? Cel { get; } = new(
        $"[object.kind == 'Pod' ? object.spec : object.spec.template.spec].all(s, (!has(s.containers) || s.containers.all({CelContainersOk})) && (!has(s.initContainers) || s.initContainers.all({CelContainersOk})))",
        $"PGP021: a container env value holds a literal password, token or connection string with a password; read it from a Secret (valueFrom.secretKeyRef, produced by an {ExternalSecretsApi.ApiVersion} {ExternalSecretsApi.ExternalSecretKind})",
        [.. AdmissionResource.Workloads, AdmissionResource.Pod])
    {
        // The operators create pods themselves (CNPG's instances, the controllers' pods of an admitted template).
        MatchCondition = CelText.NotAnOperatorRequest,
    };

    /// <inheritdoc />
    public override IEnumerable<Violation> CheckObject(Manifest manifest, TierProfile? tier)
    {
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
                    var name = JsonPath.String(env, "name") ?? "";
                    if (JsonPath.String(env, "value") is not { } value)
                    {
                        continue;
                    }

                    var field = $"{pod.Path}.{list}[{index}].env[{envIndex}].value";
                    var containerName = JsonPath.String(container, "name") ?? $"#{index}";
                    if (SecretText.IsLiteralSecret(name, value))
                    {
                        yield return Violation(manifest, field, $"container {containerName} sets {name} to a literal value (not shown), which puts the secret in Git and in the pod spec", Fix(name));
                    }
                    else if (SecretText.HasPassword(value))
                    {
                        yield return Violation(manifest, field, $"container {containerName} sets {name} to a connection string with a password (not shown)", $"{Fix(name)}; or build the string from a variable filled from the Secret: ...://user:$(DB_PASSWORD)@host");
                    }
                }
            }
        }
    }

    private static string Fix(string name) =>
        $"store the value in Key Vault, declare an {ExternalSecretsApi.ApiVersion} {ExternalSecretsApi.ExternalSecretKind} producing a Secret, and set {name} with valueFrom.secretKeyRef (or use the operator's <cluster>-app Secret); rotate the exposed value";
}
