using k8s.Models;
using PgPlatform.Components.Day2;
using PgPlatform.Components.Kubernetes.Crds.ArgoCd;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day0;

/// <summary>
/// The two ApplicationSets of one environment: one Application per <c>databases/*/overlays/&lt;env&gt;</c>
/// and one per <c>apps/*/overlays/&lt;env&gt;</c>, with automated sync, prune and self-heal; the database Applications leave
/// the logins' <c>login</c> flags to the rotation runbook (<see cref="RotatedLogins"/>). Day-0 declares them into
/// the model; the GitOps synthesizer writes the model's ApplicationSets to <c>argocd/&lt;env&gt;/</c>.
/// </summary>
public static class ArgoCdApplicationSets
{
    /// <summary>
    /// The rotation runbook switches <c>spec.managed.roles[].login</c> of the Cluster out of band (the new login on,
    /// the old one off); self-heal would put the synthesized values back mid-rotation and a sync would overwrite them
    /// unless the sync option <c>RespectIgnoreDifferences=true</c> is set. Field names: argoproj/argo-cd
    /// <c>manifests/crds/application-crd.yaml</c> (v3.4.4), <c>spec.ignoreDifferences[].{group,kind,jqPathExpressions}</c>.
    /// </summary>
    public static ResourceIgnoreDifferences RotatedLogins { get; } = new()
    {
        Group = CnpgApi.Group,
        Kind = CnpgApi.ClusterKind,
        JqPathExpressions = [".spec.managed.roles[]?.login"],
    };

    /// <summary>The ApplicationSets of <paramref name="env"/>: databases first, then applications.</summary>
    public static IReadOnlyList<ApplicationSet> For(PlatformEnvironment env, GitOpsOptions options) =>
        [For(env, options, GitOpsLayout.Databases, "db"), For(env, options, GitOpsLayout.Apps, "app")];

    private static ApplicationSet For(PlatformEnvironment env, GitOpsOptions options, string folder, string suffix)
    {
        const string App = "{{ index .path.segments 1 }}";
        var environment = env.Name;
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
                    [PlatformLabels.Tier] = env.Tier.Name,
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
                            Directories = [new GitDirectory { Path = GitOpsLayout.EveryOverlay(folder, environment) }],
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
                        IgnoreDifferences = folder == GitOpsLayout.Databases ? [RotatedLogins] : null,
                        SyncPolicy = new SyncPolicy
                        {
                            Automated = new AutomatedSync { Prune = true, SelfHeal = true },
                            SyncOptions = folder == GitOpsLayout.Databases
                                ? ["ServerSideApply=true", "CreateNamespace=false", "RespectIgnoreDifferences=true"]
                                : ["ServerSideApply=true", "CreateNamespace=false"],
                        },
                    },
                },
            },
        };
    }
}
