using System.Text.Json.Nodes;
using PgPlatform.Components.Kubernetes.Crds.ArgoCd;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// <c>argocd/&lt;env&gt;/</c>: the ApplicationSets one environment's model declares (day-0 declares them; nothing here
/// builds one), each as the model's canonical JSON, and a kustomization listing them in model order.
/// </summary>
internal static class ArgoCdFolder
{
    /// <summary>File name to content; none when the model declares no ApplicationSet (a stack that owns no foundation).</summary>
    public static IEnumerable<(string File, byte[] Content)> Files(ResourceModel model)
    {
        var sets = model.KubernetesObjects.Where(o => o.Object is ApplicationSet).ToList();
        if (sets.Count == 0)
        {
            yield break;
        }

        var files = sets.Select(s => $"applicationset-{((ApplicationSet)s.Object).Metadata.Name}.yaml").ToList();
        for (var i = 0; i < sets.Count; i++)
        {
            yield return (files[i], YamlWriter.WriteUtf8(sets[i].ToJson()));
        }

        var kustomization = new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
            ["resources"] = new JsonArray([.. files.Select(f => (JsonNode)f)]),
        };
        yield return ("kustomization.yaml", YamlWriter.WriteUtf8(kustomization));
    }
}
