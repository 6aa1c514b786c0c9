using System.Text;
using System.Text.Json.Nodes;
using PgPlatform.Components.Declaration;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Settings;
using PgPlatform.Infra.Platform;
using PgPlatform.Infra.Tests.Commands;
using PgPlatform.Stacks.Ephemeral;
using PgPlatform.Testing;

namespace PgPlatform.Infra.Tests.ProductionPath;

/// <summary>
/// The synthesized Pulumi program of every kind of stack the engines run: the committed stacks (dev, prod), and a
/// drill stack and a restore stack derived from dev exactly as the drill driver derives them
/// (<see cref="EphemeralDatabaseStack.Settings"/>), read back through the driver's <c>config set</c> calls, and prod
/// naming an existing monitoring stack.
/// </summary>
internal static class StackPrograms
{
    public const string DrillStack = "drill-1a2b3c";
    public const string RestoreStack = "restore-4d5e6f";
    public const string ExistingMonitoringStack = "prod-obs";

    private static readonly Lazy<IReadOnlyList<StackProgram>> Programs = new(Build);

    /// <summary>Every stack's settings, model and program.</summary>
    public static IReadOnlyList<StackProgram> All => Programs.Value;

    /// <summary>Stack names for theories.</summary>
    public static TheoryData<string> Names => new(All.Select(p => p.Settings.Stack));

    /// <summary>The program of <paramref name="stack"/>.</summary>
    public static StackProgram Of(string stack) => All.Single(p => p.Settings.Stack == stack);

    private static List<StackProgram> Build()
    {
        var dev = StackLoader.Load(SharedSchemas.RepoRoot, "dev");
        var prod = StackLoader.Load(SharedSchemas.RepoRoot, "prod");
        var drill = EphemeralDatabaseStack.Settings(dev, "linkding", DrillStack);
        var restore = EphemeralDatabaseStack.Settings(dev, "linkding", RestoreStack, new RecoverySelection { Stack = DrillStack });
        // prod on a cluster that already runs a prometheus-operator stack under other names.
        var observed = prod with { Stack = ExistingMonitoringStack, Monitoring = new MonitoringSelection { Mode = MonitoringMode.Existing, Release = "prom", Namespace = "observability" } };
        return [.. new[] { dev, prod, drill, restore, observed }.Select(RoundTrip).Select(Synthesize)];
    }

    // A derived stack is deployed from the driver's config set calls: compile what the compiler would parse back.
    private static StackSettings RoundTrip(StackSettings settings)
    {
        var calls = EphemeralDatabaseStack.Config(settings).Select(s => (s.Key, s.Value, s.IsPath));
        var json = StackConfigSources.ToPulumiConfigJson(PgPlatform.Testing.Pulumi.PulumiPathConfig.Apply(calls));
        return StackSettingsParser.Parse(settings.Stack, StackConfigSources.FromPulumiConfig(json), "PULUMI_CONFIG");
    }

    private static StackProgram Synthesize(StackSettings settings)
    {
        var model = StackSynthesis.Model(settings, ApplicationCatalog.All);
        var program = YamlReader.Read(Encoding.UTF8.GetString(StackSynthesis.Program(settings, model).Span))!.AsObject();
        return new StackProgram(settings, program, PgPlatform.Infra.Tests.Commands.StackPrograms.TreeObjects(model));
    }
}
