using PgPlatform.Components.Settings;
using PgPlatform.Components.Synthesis;

namespace PgPlatform.Components.Declaration;

/// <summary>The work behind <c>synth</c>: one stack's Pulumi program and the GitOps tree of every stack of a project, written to a directory.</summary>
public static class ProjectSynthesis
{
    /// <summary>
    /// Declares every stack of <paramref name="projectDirectory"/> against <paramref name="catalog"/> (each checked by the
    /// contract gate: a violation writes nothing), then writes <paramref name="stack"/>'s program to
    /// <c><paramref name="outDir"/>/program.yaml</c> and the tree of all stacks to <c><paramref name="outDir"/>/gitops</c>.
    /// </summary>
    public static SynthesisOutput Write(string projectDirectory, string stack, string outDir, IReadOnlyList<CatalogEntry> catalog)
    {
        var selected = StackLoader.Load(projectDirectory, stack);
        // The tree holds every environment (overlays are diffs against a base), so every stack is declared.
        var all = StackLoader.LoadAll(projectDirectory).AsParallel().AsOrdered().Select(s => (Settings: s, Model: StackSynthesis.Model(s, catalog))).ToList();
        var model = all.Single(s => s.Settings.Stack == selected.Stack).Model;
        var gitops = StackSynthesis.GitOps(all);
        var gitopsDir = Path.Combine(outDir, "gitops");
        var programPath = Path.Combine(outDir, "program.yaml");
        ArtifactWriter.Write(gitopsDir, gitops);
        File.WriteAllBytes(programPath, StackSynthesis.Program(selected, model).Span);
        return new SynthesisOutput(selected, model, programPath, gitopsDir, gitops.Count);
    }
}
