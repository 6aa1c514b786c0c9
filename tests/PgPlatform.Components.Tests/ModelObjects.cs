using System.Text.Json.Nodes;
using PgPlatform.Components.Model;
using PgPlatform.Components.Serialization;

namespace PgPlatform.Components.Tests;

/// <summary>Reads a model's Kubernetes objects back as JSON for assertions.</summary>
internal static class ModelObjects
{
    public static List<JsonObject> All(ResourceModel model) => model.KubernetesObjects.Select(o => CanonicalJson.FromObject(o.Object)).ToList();

    public static JsonObject Single(ResourceModel model, string kind) => All(model).Single(o => (string?)o["kind"] == kind);

    public static IEnumerable<JsonObject> OfKind(ResourceModel model, string kind) => All(model).Where(o => (string?)o["kind"] == kind);
}
