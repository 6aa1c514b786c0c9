using System.Text.RegularExpressions;

namespace PgPlatform.Components.Tests.Architecture;

/// <summary>
/// Which folder of <c>components/</c> uses which, read from the sources the way the compiler resolves names: a folder
/// is the namespace <c>PgPlatform.Components.&lt;folder&gt;</c>, and a file uses another folder through a
/// <c>using</c> or a fully qualified name (<c>PgPlatform.Components.X.</c>), a partly qualified one (<c>Naming.ResourceNames</c>,
/// resolved through an enclosing namespace), or a type of an enclosing namespace named without qualification
/// (a rule in <c>Contract/Rules</c> extending <c>ContractRule</c> of <c>Contract</c>).
/// </summary>
internal sealed partial class FolderGraph
{
        private FolderGraph(IReadOnlyDictionary<(string From, string To), string> edges) => Edges = edges;

    /// <summary>Every dependency between two folders, with the first file (path under <c>components/</c>) that makes it.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges { get; }

    /// <summary>The graph of the sources under <paramref name="componentsDirectory"/> (<c>bin</c> and <c>obj</c> left out).</summary>
    public static FolderGraph Read(string componentsDirectory, string rootNamespace = "PgPlatform.Components") => FromSources(
        Directory.EnumerateFiles(componentsDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(componentsDirectory, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal) && !f.Split('/').Any(s => s is "bin" or "obj"))
            .Select(f => (f, File.ReadAllText(Path.Combine(componentsDirectory, f)))), rootNamespace);

    /// <summary>The graph of <paramref name="sources"/>: each file's path under <c>components/</c> and its text.</summary>
    public static FolderGraph FromSources(IEnumerable<(string Path, string Text)> sources, string rootNamespace = "PgPlatform.Components")
    {
        var qualified = new Regex($@"\b{Regex.Escape(rootNamespace)}\.((?:[A-Z]\w*\.)*[A-Z]\w*)");
        var files = sources.Select(s => (s.Path, Folder: s.Path[..s.Path.LastIndexOf('/')], s.Text)).ToList();
        var folders = files.Select(f => f.Folder).ToHashSet(StringComparer.Ordinal);
        var types = files
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => (f.Folder, Type: m.Groups[1].Value)))
            .ToLookup(t => t.Folder, t => t.Type);
        var edges = new SortedDictionary<(string From, string To), string>();
        foreach (var (path, folder, text) in files)
        {
            foreach (var used in Uses(folder, text, folders, types, qualified).Where(u => u != folder))
            {
                edges.TryAdd((folder, used), path);
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>The same graph with every folder replaced by its top folder (<c>Contract/Rules</c> becomes <c>Contract</c>).</summary>
    public FolderGraph TopLevel()
    {
        var edges = new SortedDictionary<(string From, string To), string>();
        foreach (var ((from, to), file) in Edges)
        {
            var edge = (Top(from), Top(to));
            if (edge.Item1 != edge.Item2)
            {
                edges.TryAdd(edge, file);
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>The folders <paramref name="folder"/> uses.</summary>
    public IEnumerable<string> UsedBy(string folder) => Edges.Keys.Where(e => e.From == folder).Select(e => e.To);

    /// <summary>One cycle through every strongly connected group of folders, each as the folders in order (the first repeated last).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Edges.Keys.ToLookup(e => e.From, e => e.To);
        var nodes = Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, n => Reachable(n, next), StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in nodes.Where(n => reach[n].Contains(n) && !seen.Contains(n)))
        {
            var group = nodes.Where(n => reach[start].Contains(n) && reach[n].Contains(start)).ToList();
            seen.UnionWith(group);
            cycles.Add(PathBack(start, next, group.ToHashSet(StringComparer.Ordinal)));
        }

        return cycles;
    }

    /// <summary><c>A -&gt; B -&gt; A</c>, each arrow with the file that makes it.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        string.Join(" -> ", cycle) + " (" + string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(e => $"{e.First} -> {e.Second} in {Edges[(e.First, e.Second)]}")) + ")";

    private static string Top(string folder) => folder.Split('/')[0];

    private static HashSet<string> Reachable(string start, ILookup<string, string> next)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(next[start]);
        while (pending.TryPop(out var node))
        {
            if (reached.Add(node))
            {
                foreach (var n in next[node])
                {
                    pending.Push(n);
                }
            }
        }

        return reached;
    }

    /// <summary>A shortest path from <paramref name="start"/> back to itself inside <paramref name="group"/>.</summary>
    private static IReadOnlyList<string> PathBack(string start, ILookup<string, string> next, HashSet<string> group)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var n in next[node].Where(group.Contains).Order(StringComparer.Ordinal))
            {
                if (n == start)
                {
                    var path = new List<string> { start, node };
                    for (var at = node; at != start; at = previous[at])
                    {
                        path.Insert(1, previous[at]);
                    }

                    path.RemoveAt(1);
                    path.Add(start);
                    return path;
                }

                if (previous.TryAdd(n, node))
                {
                    queue.Enqueue(n);
                }
            }
        }

        throw new InvalidOperationException($"{start} is on no cycle");
    }

    /// <summary>The folders <paramref name="text"/>, a file of <paramref name="folder"/>, uses.</summary>
    private static IEnumerable<string> Uses(string folder, string text, HashSet<string> folders, ILookup<string, string> types, Regex qualified)
    {
        foreach (Match m in qualified.Matches(text))
        {
            if (Longest(m.Groups[1].Value.Split('.'), folders) is { } used)
            {
                yield return used;
            }
        }

        // The enclosing namespaces, innermost first, as the compiler looks names up in them.
        var parts = folder.Split('/');
        var enclosing = Enumerable.Range(1, parts.Length).Reverse().Select(n => string.Join('/', parts.Take(n))).Append("").ToList();
        foreach (Match m in PartlyQualified().Matches(text))
        {
            var segments = m.Groups[1].Value.Split('.');
            if (enclosing.Select(scope => Resolve(segments, scope, folders, types)).FirstOrDefault(f => f is not null) is { } used)
            {
                yield return used;
            }
        }

        foreach (var parent in enclosing.Skip(1).Where(p => p.Length > 0))
        {
            if (types[parent].Except(types[folder]).Any(type => Regex.IsMatch(text, $@"(?<![\w.]){type}\b")))
            {
                yield return parent;
            }
        }
    }

    /// <summary>The longest folder that <paramref name="segments"/> (a namespace under <c>PgPlatform.Components</c>) starts with, or null.</summary>
    private static string? Longest(string[] segments, HashSet<string> folders)
    {
        string? found = null;
        for (var n = 1; n <= segments.Length && folders.Contains(string.Join('/', segments.Take(n))); n++)
        {
            found = string.Join('/', segments.Take(n));
        }

        return found;
    }

    /// <summary>
    /// The folder a partly qualified name (<c>Naming.ResourceNames.FromPath</c>) refers to when looked up in
    /// <paramref name="scope"/>: the deepest folder along it whose next segment is a type declared there, or null
    /// (<c>Model.KubernetesObjects</c> is a property, not the Model folder).
    /// </summary>
    private static string? Resolve(string[] segments, string scope, HashSet<string> folders, ILookup<string, string> types)
    {
        string? found = null;
        var path = scope;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            path = path.Length == 0 ? segments[i] : $"{path}/{segments[i]}";
            if (!folders.Contains(path))
            {
                break;
            }

            if (types[path].Contains(segments[i + 1]))
            {
                found = path;
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])((?:[A-Z]\w*\.)+[A-Z]\w*)")]
    private static partial Regex PartlyQualified();
}
