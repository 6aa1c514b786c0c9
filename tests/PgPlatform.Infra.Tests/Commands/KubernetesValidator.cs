using System.Text.Json.Nodes;
using PgPlatform.Testing.Kubernetes;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>Schema validation of one object, with errors prefixed by the object's kind and name.</summary>
internal static class KubernetesValidator
{
    public static IEnumerable<string> Validate(JsonObject obj) =>
        KubernetesSchemaValidator.Shared.Validate(obj).Select(e => $"{obj["kind"]}/{obj["metadata"]?["name"]}: {e}");
}
