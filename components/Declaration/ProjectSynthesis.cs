using PgPlatform.Components.Settings;
using PgPlatform.Components.Synthesis;

namespace PgPlatform.Components.Declaration;

/// <summary>The work behind <c>synth</c>: one stack's Pulumi program and the GitOps tree of every stack of a project, written to a directory.</summary>
public static class ProjectSynthesis
{
    /// <summary>
    /// Declares every stack of <paramref name="projectDirectory"/> against <paramref name="catalog"/> (each checked by the
    /// contract gate: a violation writes nothing), then replaces <paramref name="outDir"/>, all at once, with
    /// <paramref name="stack"/>'s program (<c>program.yaml</c>) and the tree of all stacks (<c>gitops/</c>). A non-empty
    /// <paramref name="outDir"/> that pg-platform did not write is refused unless <paramref name="force"/> (see <see cref="ArtifactWriter.Replace"/>).
    /// </summary>
    public static SynthesisOutput Write(string projectDirectory, string stack, string outDir, IReadOnlyList<CatalogEntry> catalog, bool force = false)
    {
        var selected = StackLoader.Load(projectDirectory, stack);
        // The tree holds every environment (overlays are diffs against a base), so every stack is declared.
        var all = StackLoader.LoadAll(projectDirectory).AsParallel().AsOrdered().Select(s => (Settings: s, Model: StackSynthesis.Model(s, catalog))).ToList();
        var model = all.Single(s => s.Settings.Stack == selected.Stack).Model;
        var gitops = StackSynthesis.GitOps(all);
        var program = StackSynthesis.Program(selected, model);
        ArtifactWriter.Replace(outDir, force, staging =>
        {
            ArtifactWriter.WriteFiles(Path.Combine(staging, "gitops"), gitops);
            File.WriteAllBytes(Path.Combine(staging, "program.yaml"), program.Span);
        });
        return new SynthesisOutput(selected, model, Path.Combine(outDir, "program.yaml"), Path.Combine(outDir, "gitops"), gitops.Count);
    }
}
