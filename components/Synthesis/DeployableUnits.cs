using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;

namespace PgPlatform.Components.Synthesis;

/// <summary>
/// Groups the model's Kubernetes objects into deployable units (namespace, database, application per
/// application) with the order between them: a namespace first, the database after it and after the
/// resources its objects depend on, the application after its database.
/// </summary>
public static class DeployableUnits
{
    /// <summary>Units in a stable order: applications in declaration order, groups in enum order.</summary>
    public static IReadOnlyList<DeployableUnit> Of(ResourceModel model)
    {
        var units = new List<DeployableUnit>();
        foreach (var objects in model.KubernetesObjects.GroupBy(o => o.Application))
        {
            var app = objects.Key;
            string? previous = null;
            foreach (var group in Enum.GetValues<ObjectGroup>())
            {
                var members = objects.Where(o => o.Group == group).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                var name = ResourceNames.FromPath([app, group.ToString().ToLowerInvariant()]);
                var dependsOn = members.SelectMany(m => m.DependsOn).Concat(previous is null ? [] : [previous]).Distinct().Order(StringComparer.Ordinal).ToList();
                units.Add(new DeployableUnit(name, app, group, members, dependsOn));
                previous = name;
            }
        }

        return units;
    }
}
