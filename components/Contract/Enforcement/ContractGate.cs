using System.Text.Json;
using PgPlatform.Components.Model;

namespace PgPlatform.Components.Contract.Enforcement;

/// <summary>The synthesis gate: a model that breaks the contract is never synthesized.</summary>
public static class ContractGate
{
    /// <summary>The model's Kubernetes objects as manifests (source <c>model:&lt;logical name&gt;</c>), each knowing who delivers it.</summary>
    public static IReadOnlyList<Manifest> Manifests(IEnumerable<KubernetesObjectResource> objects, Delivery delivery) =>
        objects.Select(o => ToManifest(o, JsonSerializer.Deserialize<JsonElement>(o.Utf8Json), delivery)).ToList();

    private static Manifest ToManifest(KubernetesObjectResource resource, JsonElement element, Delivery delivery) =>
        new(element, $"model:{resource.Name}", 0) { DeliveredByPulumi = resource.Group.IsDeliveredByPulumi(delivery) };

    /// <summary>
    /// Throws <see cref="ContractViolationException"/> when any rule is broken. Every rule looks across
    /// objects of one namespace only, and an application's objects share one, so applications are checked
    /// one by one (on every core), which keeps large fleets' memory bounded.
    /// </summary>
    public static void Enforce(ResourceModel model)
    {
        var violations = model.KubernetesObjects
            .GroupBy(o => o.Application)
            .AsParallel().AsOrdered()
            .SelectMany(objects => Check(objects, model.Delivery))
            .ToList();
        if (violations.Count > 0)
        {
            throw new ContractViolationException(violations);
        }
    }

    /// <summary>One application's violations; its objects are read from their canonical JSON as it is (not copied).</summary>
    private static IReadOnlyList<Violation> Check(IEnumerable<KubernetesObjectResource> objects, Delivery delivery)
    {
        var documents = objects.Select(o => (Object: o, Document: JsonDocument.Parse(o.Utf8JsonMemory))).ToList();
        var violations = ContractChecker.Check(documents.Select(d => ToManifest(d.Object, d.Document.RootElement, delivery)).ToList());
        if (violations.Count == 0)
        {
            // A violation keeps its manifest, and so its document, for the report.
            documents.ForEach(d => d.Document.Dispose());
        }

        return violations;
    }
}
