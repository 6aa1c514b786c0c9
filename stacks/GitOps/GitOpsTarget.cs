namespace PgPlatform.Stacks.GitOps;

/// <summary>
/// The objects <c>gitops pause|resume</c> act on for one application in one environment, named as the
/// synthesizers name them: the Applications the ApplicationSets generate (<c>&lt;app&gt;-db-&lt;env&gt;</c>,
/// <c>&lt;app&gt;-app-&lt;env&gt;</c>) and the CNPG Cluster <c>&lt;app&gt;-db</c> in namespace <c>&lt;app&gt;-&lt;env&gt;</c>.
/// </summary>
/// <param name="Application">The application (<c>linkding</c>).</param>
/// <param name="Environment">The environment, i.e. the stack (<c>prod</c>).</param>
/// <param name="ArgoCdNamespace">Where Argo CD's Applications live. Default <c>argocd</c>.</param>
/// <param name="IncludeWorkload">Also pause the application's workload Application, not only its database's.</param>
public sealed record GitOpsTarget(string Application, string Environment, string ArgoCdNamespace = "argocd", bool IncludeWorkload = true)
{
    /// <summary>The database's Argo CD Application.</summary>
    public string DatabaseApplication => $"{Application}-db-{Environment}";

    /// <summary>The workload's Argo CD Application.</summary>
    public string WorkloadApplication => $"{Application}-app-{Environment}";

    /// <summary>The namespace of the database and the workload.</summary>
    public string Namespace => $"{Application}-{Environment}";

    /// <summary>The CNPG Cluster.</summary>
    public string Cluster => $"{Application}-db";

    /// <summary>The Applications acted on, database first.</summary>
    public IReadOnlyList<string> Applications => IncludeWorkload ? [DatabaseApplication, WorkloadApplication] : [DatabaseApplication];
}
