using k8s.Models;
using PgPlatform.Components.Model;
using PgPlatform.Components.Naming;
using PgPlatform.Components.Validation;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Components.Day2;

/// <summary>
/// An application's Deployment and Service. The only way to the database is the cluster's
/// <c>-rw</c> service and the credentials Secret that the database's ExternalSecret produces.
/// </summary>
public sealed class AppWorkload
{
    /// <summary>Declares the workload of application <paramref name="name"/> connected to <paramref name="database"/>.</summary>
    public AppWorkload(IComponentScope scope, string name, AppWorkloadArgs args, AppDatabase database)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(database);
        var env = database.Args.Environment;
        var where = $"application '{name}' in environment '{env.Name}'";
        if (args.Port is < 1 or > 65535)
        {
            throw new DeclarationException($"{where}: port {args.Port} is not a TCP port", "use a port between 1 and 65535");
        }

        Quantity.Require(args.CpuRequest, $"{where}: workload CpuRequest");
        Quantity.Require(args.Memory, $"{where}: workload Memory");
        var db = database.Outputs;
        var labels = Labels.For(name, PlatformLabels.ApplicationComponent, args.Team, env);
        var selector = new Dictionary<string, string> { [PlatformLabels.Name] = name, [PlatformLabels.Component] = PlatformLabels.ApplicationComponent };
        var scoped = ComponentScope.Child(scope, name);
        string Logical(string part) => ResourceNames.FromPath([.. scoped.Path, env.Name, part]);
        V1ObjectMeta Meta() => new() { Name = name, NamespaceProperty = db.Namespace, Labels = new Dictionary<string, string>(labels) };

        scope.Model.Add(new KubernetesObjectResource(Logical("deployment"), name, ObjectGroup.Application, new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = Meta(),
            Spec = new V1DeploymentSpec
            {
                Replicas = args.Replicas ?? env.Tier.DefaultWorkloadReplicas,
                Selector = new V1LabelSelector { MatchLabels = selector },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
                    Spec = new V1PodSpec
                    {
                        Containers =
                        [
                            new V1Container
                            {
                                Name = name,
                                Image = args.Image.ToString(),
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = args.Port }],
                                Env = Environment(args, db),
                                Resources = new V1ResourceRequirements
                                {
                                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(args.CpuRequest), ["memory"] = new(args.Memory) },
                                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(args.Memory) },
                                },
                                ReadinessProbe = args.HealthPath is null ? null : new V1Probe
                                {
                                    HttpGet = new V1HTTPGetAction { Path = args.HealthPath, Port = "http" },
                                    PeriodSeconds = 10,
                                },
                            },
                        ],
                    },
                },
            },
        }));

        scope.Model.Add(new KubernetesObjectResource(Logical("service"), name, ObjectGroup.Application, new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = Meta(),
            Spec = new V1ServiceSpec
            {
                Selector = selector,
                Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = "http", Protocol = "TCP" }],
            },
        }));
    }

    private static List<V1EnvVar> Environment(AppWorkloadArgs args, AppDatabaseOutputs db)
    {
        var names = args.DatabaseEnvironment;
        var env = new List<V1EnvVar>();
        void Plain(string? key, string value)
        {
            if (key is not null)
            {
                env.Add(new V1EnvVar { Name = key, Value = value });
            }
        }

        void FromSecret(string? key, string secretKey)
        {
            if (key is not null)
            {
                env.Add(new V1EnvVar { Name = key, ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = db.SecretName, Key = secretKey } } });
            }
        }

        foreach (var (key, value) in args.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Plain(key, value);
        }

        Plain(names.Host, db.ReadWriteHost);
        Plain(names.Port, db.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Plain(names.Database, db.Database);
        FromSecret(names.User, db.UsernameKey);
        FromSecret(names.Password, db.PasswordKey);
        var duplicate = env.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DeclarationException($"environment variable '{duplicate.Key}' is set twice", "remove it from Environment: the database variables are set by the platform");
        }

        return env;
    }
}
