using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.GitOps;

/// <summary>
/// The objects <c>gitops pause|resume</c> act on for one application in one environment, named as the platform
/// names them (<see cref="DatabaseNames"/>): the Applications the ApplicationSets generate for the database and the
/// workload, and the CNPG Cluster in the application's namespace.
/// </summary>
/// <param name="Application">The application (<c>linkding</c>).</param>
/// <param name="Environment">The environment, i.e. the stack (<c>prod</c>).</param>
/// <param name="ArgoCdNamespace">Where Argo CD's Applications live. Default <see cref="ArgoCdApi.Namespace"/>.</param>
/// <param name="IncludeWorkload">Also pause the application's workload Application, not only its database's.</param>
public sealed record GitOpsTarget(string Application, string Environment, string ArgoCdNamespace = ArgoCdApi.Namespace, bool IncludeWorkload = true)
{
    /// <summary>The database's Argo CD Application.</summary>
    public string DatabaseApplication => Names.DatabaseApplication;

    /// <summary>The workload's Argo CD Application.</summary>
    public string WorkloadApplication => Names.WorkloadApplication;

    /// <summary>The namespace of the database and the workload.</summary>
    public string Namespace => Names.Namespace;

    /// <summary>The CNPG Cluster.</summary>
    public string Cluster => Names.Cluster;

    /// <summary>The Applications acted on, database first.</summary>
    public IReadOnlyList<string> Applications => IncludeWorkload ? [DatabaseApplication, WorkloadApplication] : [DatabaseApplication];

    private DatabaseNames Names => new(Application, Environment);
}
