namespace PgPlatform.Components.Model;

/// <summary>
/// The graph of declared resources. Components add to it; checks and synthesizers read it. It knows no I/O.
/// Insertion order is kept so that synthesized output is deterministic.
/// </summary>
public sealed class ResourceModel : IComponentScope
{
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _byName = new(StringComparer.Ordinal);
    private readonly List<StackOutput> _outputs = [];
    private readonly HashSet<string> _outputNames = new(StringComparer.Ordinal);

    /// <summary>Who delivers the model's database and application objects. Default: <see cref="Delivery.GitOps"/>.</summary>
    public Delivery Delivery { get; init; } = Delivery.GitOps;

    /// <summary>All resources in declaration order.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>Stack outputs in declaration order.</summary>
    public IReadOnlyList<StackOutput> Outputs => _outputs;

    /// <inheritdoc />
    public IReadOnlyList<string> Path => [];

    /// <inheritdoc />
    public ResourceModel Model => this;

    /// <summary>Kubernetes objects of the model.</summary>
    public IEnumerable<KubernetesObjectResource> KubernetesObjects => _resources.OfType<KubernetesObjectResource>();

    /// <summary>Adds a resource; a second resource with the same logical name is a declaration error.</summary>
    public T Add<T>(T resource) where T : Resource
    {
        if (!_byName.TryAdd(resource.Name, resource))
        {
            throw new DeclarationException(
                $"two resources are named '{resource.Name}'",
                "give the components distinct names");
        }

        _resources.Add(resource);
        return resource;
    }

    /// <summary>Adds a stack output; names must be unique.</summary>
    public void AddOutput(StackOutput output)
    {
        if (!_outputNames.Add(output.Name))
        {
            throw new DeclarationException($"two stack outputs are named '{output.Name}'", "give the components distinct names");
        }

        _outputs.Add(output);
    }

    /// <summary>Looks a resource up by logical name.</summary>
    public Resource? Find(string name) => _byName.GetValueOrDefault(name);
}
