using System.Text.Json.Nodes;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Infra.Manifests;

/// <summary>
/// Reads manifests from files and directories (every <c>*.yaml</c> and <c>*.yml</c> below, in ordinal order;
/// multi-document files too). Kustomizations and non-object documents (kustomize patch lists) are not objects
/// and are skipped.
/// </summary>
public static class ManifestFiles
{
    /// <summary>The manifests under <paramref name="paths"/>, named relative to <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<Manifest> Load(IEnumerable<string> paths, string baseDirectory)
    {
        var manifests = new List<Manifest>();
        foreach (var file in paths.SelectMany(p => Files(p, baseDirectory)))
        {
            var display = Path.GetRelativePath(baseDirectory, file).Replace('\\', '/');
            IReadOnlyList<YamlDocumentNode> documents;
            try
            {
                documents = YamlReader.ReadDocuments(File.ReadAllText(file));
            }
            catch (YamlFormatException e)
            {
                throw new UnreadableInputException($"{display}:{e.Line}:{e.Column}: malformed YAML: {e.Problem}");
            }

            foreach (var document in documents)
            {
                if (document.Node is JsonObject obj && !IsKustomization(obj))
                {
                    manifests.Add(new Manifest(obj, display, document.Line));
                }
            }
        }

        return manifests;
    }

    private static bool IsKustomization(JsonObject obj) =>
        obj["apiVersion"]?.ToString().StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) == true || obj["kind"]?.ToString() is "Kustomization" or "Component";

    private static IEnumerable<string> Files(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path, baseDirectory);
        if (File.Exists(full))
        {
            return [full];
        }

        if (Directory.Exists(full))
        {
            return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);
        }

        throw new UnreadableInputException($"{path}: no such file or directory");
    }
}
