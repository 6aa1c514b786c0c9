using k8s.Models;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;

namespace PgPlatform.Components.Day2;

/// <summary>The namespace of one application in one environment, labelled for ownership and cost.</summary>
public static class Namespace
{
    /// <summary>Adds namespace <c>&lt;app&gt;-&lt;env&gt;</c> to the model and returns its name.</summary>
    public static string Add(IComponentScope scope, string app, string team, PlatformEnvironment env)
    {
        var name = env.NamespaceFor(app);
        scope.Model.Add(new KubernetesObjectResource(ResourceNames.FromPath([.. scope.Path, app, env.Name, "namespace"]), app, ObjectGroup.Namespace, new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string>(Labels.For(app, "namespace", team, env)) },
        }));
        return name;
    }
}
