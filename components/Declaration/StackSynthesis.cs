using PgPlatform.Components.Contract.Enforcement;
using PgPlatform.Components.Model;
using PgPlatform.Components.Settings;
using PgPlatform.Components.Synthesis.GitOps;
using PgPlatform.Components.Synthesis.Pulumi;

namespace PgPlatform.Components.Declaration;

/// <summary>The pipeline from stack settings to artifacts: declare, model, synthesize. Writes nothing itself.</summary>
public static class StackSynthesis
{
    /// <summary>The model of one stack, checked against the contract (a violation stops synthesis).</summary>
    public static ResourceModel Model(StackSettings settings, IReadOnlyList<CatalogEntry> catalog)
    {
        var model = PlatformDeclaration.Build(settings, catalog);
        ContractGate.Enforce(model);
        return model;
    }

    /// <summary>The Pulumi YAML program of one stack as UTF-8, as <c>compile</c> prints it and <c>synth</c> writes it.</summary>
    public static ReadOnlyMemory<byte> Program(StackSettings settings, ResourceModel model) =>
        PulumiProgramSynthesizer.Synthesize(model, ProgramOptions(settings));

    /// <summary>Program options of a stack.</summary>
    public static PulumiProgramOptions ProgramOptions(StackSettings settings) =>
        new() { Project = SettingKeys.Namespace, Stack = settings.Stack, KubeContext = settings.KubeContext };

    /// <summary>The GitOps tree of all stacks, each with its model (which declares its ApplicationSets).</summary>
    public static SortedDictionary<string, byte[]> GitOps(IEnumerable<(StackSettings Settings, ResourceModel Model)> stacks) =>
        GitOpsSynthesizer.Synthesize(stacks.Select(s => new EnvironmentModel(s.Settings.Stack, s.Model)).ToList());
}
