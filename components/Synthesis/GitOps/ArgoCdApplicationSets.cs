using k8s.Models;
using PgPlatform.Components.Kubernetes.Crds.ArgoCd;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// The two ApplicationSets of one environment: one Application per <c>databases/*/overlays/&lt;env&gt;</c>
/// and one per <c>apps/*/overlays/&lt;env&gt;</c>, with automated sync, prune and self-heal.
/// </summary>
public static class ArgoCdApplicationSets
{
    /// <summary>File name to content for <c>argocd/&lt;env&gt;/</c>.</summary>
    public static IEnumerable<(string File, byte[] Content)> Files(EnvironmentModel env)
    {
        var sets = For(env.Environment, env.Options);
        foreach (var set in sets)
        {
            yield return ($"applicationset-{set.Metadata.Name}.yaml", YamlWriter.WriteUtf8(CanonicalJson.FromObject(set)));
        }

        var kustomization = new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = new System.Text.Json.Nodes.JsonArray(sets.Select(s => (System.Text.Json.Nodes.JsonNode)$"applicationset-{s.Metadata.Name}.yaml").ToArray()),
        };
        yield return ("kustomization.yaml", YamlWriter.WriteUtf8(kustomization));
    }

    /// <summary>The ApplicationSets of <paramref name="environment"/>: databases first, then applications.</summary>
    public static IReadOnlyList<ApplicationSet> For(string environment, GitOpsOptions options) =>
        [For(environment, options, GitOpsFolder.Databases, "db"), For(environment, options, GitOpsFolder.Apps, "app")];

    private static ApplicationSet For(string environment, GitOpsOptions options, string folder, string suffix)
    {
        const string App = "{{ index .path.segments 1 }}";
        return new ApplicationSet
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{folder}-{environment}",
                NamespaceProperty = options.ArgoCdNamespace,
                Labels = new Dictionary<string, string>
                {
                    [PlatformLabels.Name] = PlatformLabels.PlatformApplication,
                    [PlatformLabels.Component] = "gitops",
                    [PlatformLabels.ManagedBy] = PlatformLabels.ManagedByValue,
                    [PlatformLabels.Team] = PlatformLabels.PlatformTeam,
                    [PlatformLabels.Tier] = options.Tier,
                    [PlatformLabels.Environment] = environment,
                },
            },
            Spec = new ApplicationSetSpec
            {
                GoTemplate = true,
                GoTemplateOptions = ["missingkey=error"],

                // `gitops pause` switches one Application to manual sync during an incident; without this
                // the ApplicationSet controller would put automated sync straight back.
                IgnoreApplicationDifferences = [new ApplicationDifferenceRule { JsonPointers = ["/spec/syncPolicy"] }],
                Generators =
                [
                    new ApplicationSetGenerator
                    {
                        Git = new GitGenerator
                        {
                            RepoUrl = options.RepoUrl,
                            Revision = options.Revision,
                            Directories = [new GitDirectory { Path = $"{folder}/*/overlays/{environment}" }],
                        },
                    },
                ],
                Template = new ApplicationTemplate
                {
                    Metadata = new ApplicationTemplateMetadata
                    {
                        Name = $"{App}-{suffix}-{environment}",
                        Labels = new Dictionary<string, string> { [PlatformLabels.Name] = App, [PlatformLabels.Environment] = environment },
                    },
                    Spec = new ApplicationSpec
                    {
                        Project = options.Project,
                        Source = new ApplicationSource { RepoUrl = options.RepoUrl, TargetRevision = options.Revision, Path = "{{ .path.path }}" },
                        Destination = new ApplicationDestination { Server = "https://kubernetes.default.svc", Namespace = $"{App}-{environment}" },
                        SyncPolicy = new SyncPolicy
                        {
                            Automated = new AutomatedSync { Prune = true, SelfHeal = true },
                            SyncOptions = ["ServerSideApply=true", "CreateNamespace=false"],
                        },
                    },
                },
            },
        };
    }
}
