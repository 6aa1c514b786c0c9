using System.Text;
using System.Text.Json.Nodes;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;
using PgPlatform.Components.Synthesis.Pulumi;

namespace PgPlatform.Components.Tests;

/// <summary>The Pulumi program a model synthesizes, read back from its YAML as Pulumi would read it.</summary>
internal static class SynthesizedProgram
{
    public static JsonObject Of(ResourceModel model, string stack) =>
        YamlReader.Read(Encoding.UTF8.GetString(PulumiProgramSynthesizer.Synthesize(model, new PulumiProgramOptions { Stack = stack, KubeContext = "ctx" }).Span))!.AsObject();
}
