using System.Text.Json.Nodes;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Testing;
using PgPlatform.Testing.Pulumi;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// The synthesized programs of the committed stacks and of the drill and restore stacks the driver derives from each,
/// with the settings the compiler reads back from the driver's <c>config set</c> calls (as <see cref="DrillStackCompileTests"/>
/// compiles them), synthesized in process so that properties of every stack can be checked without a process each.
/// </summary>
public static class StackPrograms
{
    /// <summary>Name of the drill stack derived from a base stack.</summary>
    public const string DrillStack = "drill-1a2b3c";

    /// <summary>Name of the restore stack derived from a base stack (recovering from <see cref="DrillStack"/>).</summary>
    public const string RestoreStack = "restore-4d5e6f";

    /// <summary>Every stack: dev, prod, and a drill and a restore stack of each, as (base stack, settings).</summary>
    public static IEnumerable<(string Base, StackSettings Settings)> All()
    {
        foreach (var name in SynthesizedRepository.Stacks)
        {
            var stack = StackLoader.Load(SharedSchemas.RepoRoot, name);
            yield return (name, stack);
            yield return (name, AsCompiled(EphemeralDatabaseStack.Settings(stack, "linkding", DrillStack)));
            yield return (name, AsCompiled(EphemeralDatabaseStack.Settings(stack, "linkding", RestoreStack, new RecoverySelection { Stack = DrillStack })));
        }
    }

    /// <summary>Test data: the base stack's name and the stack's name.</summary>
    public static TheoryData<string, string> Names()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in SynthesizedRepository.Stacks)
        {
            data.Add(name, name);
            data.Add(name, DrillStack);
            data.Add(name, RestoreStack);
        }

        return data;
    }

    /// <summary>The settings of stack <paramref name="stack"/> derived from (or being) <paramref name="baseStack"/>.</summary>
    public static StackSettings Settings(string baseStack, string stack) => All().Single(s => s.Base == baseStack && s.Settings.Stack == stack).Settings;

    /// <summary>The program of <paramref name="settings"/> as <c>compile</c> prints it.</summary>
    public static JsonObject Program(StackSettings settings) => YamlReader.Read(ProgramText(settings))!.AsObject();

    /// <summary>The program text of <paramref name="settings"/> as <c>compile</c> prints it.</summary>
    public static string ProgramText(StackSettings settings) =>
        System.Text.Encoding.UTF8.GetString(StackSynthesis.Program(settings, StackSynthesis.Model(settings, ApplicationCatalog.All)).Span);

    /// <summary>
    /// The Kubernetes objects of <paramref name="settings"/>'s stack by deliverer: those its program deploys, and those
    /// Argo CD applies from the GitOps tree (the model's objects of the groups Pulumi does not deliver).
    /// </summary>
    public static (List<JsonObject> Program, List<JsonObject> Tree) Delivered(StackSettings settings)
    {
        var model = StackSynthesis.Model(settings, ApplicationCatalog.All);
        var program = YamlReader.Read(System.Text.Encoding.UTF8.GetString(StackSynthesis.Program(settings, model).Span))!.AsObject();
        return (SynthesizedRepository.ProgramObjects(program), TreeObjects(model));
    }

    /// <summary>The objects Argo CD applies for <paramref name="model"/>'s stack from the GitOps tree: those of the groups Pulumi does not deliver.</summary>
    public static List<JsonObject> TreeObjects(ResourceModel model) =>
        [.. model.KubernetesObjects.Where(o => !o.Group.IsDeliveredByPulumi(model.Delivery)).Select(o => o.ToJson())];

    /// <summary>Every Kubernetes object delivered in <paramref name="settings"/>'s stack, by either deliverer.</summary>
    public static List<JsonObject> AllDelivered(StackSettings settings) => Delivered(settings) is var (program, tree) ? [.. program, .. tree] : [];

    /// <summary>The base stack's settings, read back by the compiler's parser from the driver's <c>config set</c> calls.</summary>
    public static StackSettings AsCompiled(StackSettings settings)
    {
        var calls = EphemeralDatabaseStack.Config(settings).Select(s => (s.Key, s.Value, s.IsPath));
        var json = StackConfigSources.ToPulumiConfigJson(PulumiPathConfig.Apply(calls));
        return StackSettingsParser.Parse(settings.Stack, StackConfigSources.FromPulumiConfig(json), "PULUMI_CONFIG");
    }
}
