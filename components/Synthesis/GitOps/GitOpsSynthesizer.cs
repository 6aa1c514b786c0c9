using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Synthesis.GitOps;

/// <summary>
/// Writes the tree Argo CD reconciles (<see cref="GitOpsLayout"/>): <c>apps/&lt;app&gt;/{base,overlays/&lt;env&gt;}</c>,
/// <c>databases/&lt;app&gt;/{base,overlays/&lt;env&gt;}</c> and <c>argocd/&lt;env&gt;/</c> (the ApplicationSets of each model).
/// A base holds the objects every environment of the application has, as rendered for the first
/// environment by name; each overlay sets the namespace, adds the objects only it has, and carries
/// JSON 6902 patches for what differs. <c>kubectl kustomize</c> of an overlay gives exactly the objects
/// of that environment's model. Models come through the contract gate, which refuses an object of a GitOps folder
/// that holds a deploy-time value (PGP018), so every object is written as it is.
/// </summary>
public static class GitOpsSynthesizer
{
    /// <summary>Relative path to file content (UTF-8), ordered ordinally; the same input gives byte-identical files.</summary>
    public static SortedDictionary<string, byte[]> Synthesize(IReadOnlyList<EnvironmentModel> environments)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var ordered = environments.OrderBy(e => e.Environment, StringComparer.Ordinal).ToList();
        var byApp = ordered.Select(e => e.Model.KubernetesObjects.ToLookup(o => (o.Application, GitOpsFolder.For(o.Group, e.Model.Delivery)))).ToList();
        var apps = ordered.SelectMany(e => e.Model.KubernetesObjects.Where(o => GitOpsFolder.For(o.Group, e.Model.Delivery) is not null).Select(o => o.Application)).Distinct().Order(StringComparer.Ordinal);

        // Applications are independent of each other: render them on every core, then merge in order.
        OrderedParallel.ForEach(apps, app =>
        {
            var appFiles = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var folder in new[] { GitOpsLayout.Databases, GitOpsLayout.Apps })
            {
                var renderings = ordered
                    .Select((e, i) => ObjectsOf(e.Environment, byApp[i][(app, folder)]))
                    .Where(r => r.Objects.Count > 0)
                    .ToList();
                if (renderings.Count > 0)
                {
                    WriteApp(appFiles, folder, app, renderings);
                }
            }

            return appFiles;
        }, appFiles =>
        {
            foreach (var (path, content) in appFiles)
            {
                files.Add(path, content);
            }
        });

        foreach (var env in ordered)
        {
            foreach (var (file, content) in ArgoCdFolder.Files(env.Model))
            {
                files[$"{GitOpsLayout.ArgoCd}/{env.Environment}/{file}"] = content;
            }
        }

        return files;
    }

    private static void WriteApp(SortedDictionary<string, byte[]> files, string folder, string app, List<(string Environment, string? Namespace, SortedDictionary<string, JsonElement> Objects)> renderings)
    {
        var root = $"{folder}/{app}";
        var reference = renderings[0].Objects;
        var shared = reference.Keys.Where(k => renderings.All(r => r.Objects.ContainsKey(k))).ToList();
        foreach (var key in shared)
        {
            files[$"{root}/{GitOpsLayout.Base}/{key}.yaml"] = YamlWriter.WriteUtf8(reference[key]);
        }

        files[$"{root}/{GitOpsLayout.Base}/kustomization.yaml"] = YamlWriter.WriteUtf8(Kustomization(shared.Select(k => $"{k}.yaml"), null, []));

        foreach (var (environment, ns, objects) in renderings)
        {
            var overlay = GitOpsLayout.Overlay(folder, app, environment);
            var own = objects.Keys.Where(k => !shared.Contains(k)).ToList();
            foreach (var key in own)
            {
                files[$"{overlay}/{key}.yaml"] = YamlWriter.WriteUtf8(objects[key]);
            }

            var patches = new List<JsonObject>();
            // The base is the first environment's rendering: it needs no patches.
            foreach (var key in ReferenceEquals(objects, reference) ? [] : shared)
            {
                var ops = JsonPatchDiff.Diff(reference[key], objects[key]);
                if (ops.Count == 0)
                {
                    continue;
                }

                files[$"{overlay}/patch-{key}.yaml"] = YamlWriter.WriteUtf8(ops);
                patches.Add(new JsonObject { ["path"] = $"patch-{key}.yaml", ["target"] = Target(reference[key]) });
            }

            files[$"{overlay}/kustomization.yaml"] = YamlWriter.WriteUtf8(Kustomization([$"../../{GitOpsLayout.Base}", .. own.Select(k => $"{k}.yaml")], ns, patches));
        }
    }

    /// <summary>The objects of one application and folder, without their namespace (the overlay sets it), keyed <c>kind-name</c>.</summary>
    private static (string Environment, string? Namespace, SortedDictionary<string, JsonElement> Objects) ObjectsOf(string environment, IEnumerable<KubernetesObjectResource> resources)
    {
        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        string? ns = null;
        foreach (var resource in resources)
        {
            // The namespace is cut out of the serialized bytes; nothing is materialized as a tree.
            var (key, objectNamespace, obj) = GitOpsObject.Read(resource.Utf8Json);
            ns ??= objectNamespace;
            result.Add(key, obj);
        }

        return (environment, ns, result);
    }

    private static JsonObject Target(JsonElement obj)
    {
        var apiVersion = obj.GetProperty("apiVersion").GetString()!;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var target = new JsonObject();
        if (slash > 0)
        {
            target["group"] = apiVersion[..slash];
        }

        target["version"] = slash > 0 ? apiVersion[(slash + 1)..] : apiVersion;
        target["kind"] = obj.GetProperty("kind").GetString();
        target["name"] = obj.GetProperty("metadata").GetProperty("name").GetString();
        return target;
    }

    private static JsonObject Kustomization(IEnumerable<string> resources, string? ns, List<JsonObject> patches)
    {
        var kustomization = new JsonObject
        {
            ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
            ["kind"] = "Kustomization",
        };
        if (ns is not null)
        {
            kustomization["namespace"] = ns;
        }

        kustomization["resources"] = new JsonArray(resources.Select(r => (JsonNode)r).ToArray());
        if (patches.Count > 0)
        {
            kustomization["patches"] = new JsonArray([.. patches]);
        }

        return kustomization;
    }
}
