using System.Text.Json;
using PgPlatform.Components.Contract;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Infra.Manifests;

/// <summary>
/// Reads manifests from files and directories (<see cref="ManifestScan"/>; multi-document files too) within hard
/// limits (<see cref="YamlLimits.Manifests"/> per file, <see cref="MaxObjects"/> and <see cref="MaxTotalBytes"/> in
/// all; README, "Limits"). The items of a <c>kind: List</c> are objects of their own. Kustomizations and
/// non-object documents (kustomize patch lists) are not objects and are skipped. Asked to check nothing (no file,
/// or no object) is an error: a CI gate that checks nothing would pass everything.
/// </summary>
public static class ManifestFiles
{
    /// <summary>Most objects read in one run: the checker keeps them all in memory (about 2 KB each).</summary>
    public const int MaxObjects = 100_000;

    /// <summary>Most bytes read in one run, all files together.</summary>
    public const long MaxTotalBytes = 64L << 20;

    /// <summary>The manifests under <paramref name="paths"/>, named relative to <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<Manifest> Load(IEnumerable<string> paths, string baseDirectory)
    {
        var scan = ManifestScan.Of(paths, baseDirectory);
        if (scan.Files.Count == 0)
        {
            throw new UnreadableInputException($"nothing to check: no {ManifestScan.Read} file under {string.Join(", ", paths)} ({scan.Skipped} other file(s) skipped). Fix: pass the files or directories that hold the manifests");
        }

        var manifests = new List<Manifest>();
        long bytes = 0;
        foreach (var (file, display) in scan.Files)
        {
            IReadOnlyList<YamlDocumentElement> documents;
            try
            {
                var text = InputFiles.ReadText(file, display, YamlLimits.Manifests);
                bytes += text.Length;
                if (bytes > MaxTotalBytes)
                {
                    throw new UnreadableInputException($"{display}: the inputs together exceed the limit of {YamlLimits.Bytes(MaxTotalBytes)} per run (README, 'Limits'). Fix: check the tree in parts");
                }

                documents = YamlReader.ReadElements(text, YamlLimits.Manifests);
            }
            catch (InputFileException e)
            {
                throw new UnreadableInputException(e.Message);
            }
            catch (YamlLimitException e)
            {
                throw new UnreadableInputException($"{display}:{e.Line}:{e.Column}: input limit exceeded: {e.Problem} (README, 'Limits')");
            }
            catch (YamlFormatException e)
            {
                throw new UnreadableInputException($"{display}:{e.Line}:{e.Column}: malformed YAML: {e.Problem}");
            }

            var lines = new FieldLines(file);
            for (var i = 0; i < documents.Count; i++)
            {
                var obj = documents[i].Element;
                if (obj.ValueKind != JsonValueKind.Object || IsKustomization(obj))
                {
                    continue;
                }

                var document = i;
                if (IsList(obj))
                {
                    var j = 0;
                    foreach (var item in obj.GetProperty("items").EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object && !IsKustomization(item))
                        {
                            var prefix = $"items[{j}]";
                            Add(manifests, new Manifest(item, display, lines.Of(document, prefix)) { FieldLines = f => lines.Of(document, $"{prefix}.{f}") }, display);
                        }

                        j++;
                    }

                    continue;
                }

                Add(manifests, new Manifest(obj, display, documents[i].Line) { FieldLines = f => lines.Of(document, f) }, display);
            }
        }

        if (manifests.Count == 0)
        {
            throw new UnreadableInputException($"nothing to check: {scan.Files.Count} file(s) hold no Kubernetes object. Fix: pass the files or directories that hold the manifests");
        }

        return manifests;
    }

    private static void Add(List<Manifest> manifests, Manifest manifest, string display)
    {
        if (manifests.Count == MaxObjects)
        {
            throw new UnreadableInputException($"{display}:{manifest.Line}: more than {MaxObjects:N0} objects in one run, the limit (README, 'Limits'). Fix: check the tree in parts");
        }

        manifests.Add(manifest);
    }

    private static string? String(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsList(JsonElement obj) =>
        String(obj, "kind") is { } kind && kind.EndsWith("List", StringComparison.Ordinal) && obj.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;

    private static bool IsKustomization(JsonElement obj) =>
        String(obj, "apiVersion")?.StartsWith("kustomize.config.k8s.io/", StringComparison.Ordinal) == true || String(obj, "kind") is "Kustomization" or "Component";
}
