using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.Targets.Kubernetes;

/// <summary>
/// A CNPG Cluster in a Kubernetes namespace, driven with KubernetesClient: the primary is
/// <c>status.currentPrimary</c>, killing it deletes its pod with no grace period, readiness is the
/// <c>Ready</c> condition, and the drills reach PostgreSQL through port forwards (the read-write one follows
/// the <c>-rw</c> service's ready endpoint, each member's goes to its pod). Facts for the evidence are read
/// from the live objects, never assumed.
/// </summary>
public sealed partial class KubernetesTarget : IFailoverTarget
{
    private const int PostgresPort = 5432;
    private readonly IKubernetes _kubernetes;
    private readonly KubernetesTargetOptions _options;
    private readonly ISecretStore? _secrets;
    private readonly CustomObjectWatch _watch;
    private readonly List<ILocalForward> _forwards = [];
    private readonly List<(string Name, int Port)> _members = [];
    private int _readWritePort;
    private string _superuser = "";
    private string _superuserPassword = "";
    private string _database = "";

    private KubernetesTarget(IKubernetes kubernetes, KubernetesTargetOptions options, ISecretStore? secrets)
    {
        _kubernetes = kubernetes;
        _options = options;
        _secrets = secrets;
        _watch = new CustomObjectWatch(kubernetes, options.PollInterval);
        Facts = new TargetFacts("cloudnative-pg (unknown)", "unknown", "unknown");
    }

    /// <inheritdoc />
    public string Name => "kubernetes";

    /// <inheritdoc />
    public TargetFacts Facts { get; private set; }

    /// <inheritdoc />
    public string ReadWriteConnectionString => ConnectionStringAs(ApplicationRole, ApplicationPassword);

    /// <inheritdoc />
    public string SuperuserReadWriteConnectionString => KubernetesTargetOptions.ConnectionString(_readWritePort, _superuser, _superuserPassword, _database);

    /// <inheritdoc />
    public IReadOnlyList<ClusterMember> Members => [.. _members.Select(m => new ClusterMember(m.Name, KubernetesTargetOptions.ConnectionString(m.Port, _superuser, _superuserPassword, _database)))];

    /// <summary>
    /// Watches (bounded) the Cluster until it is Ready, reads the facts and credentials, and opens the forwards.
    /// Throws <see cref="TargetUnavailableException"/> when the Cluster never becomes Ready or an object is missing.
    /// </summary>
    public static async Task<KubernetesTarget> StartAsync(IKubernetes kubernetes, KubernetesTargetOptions options, IPortForwarder forwarder, ISecretStore? secrets, Action<string> progress, CancellationToken cancellationToken)
    {
        var target = new KubernetesTarget(kubernetes, options, secrets) { _forwarder = forwarder, _progress = progress };
        try
        {
            await target.StartInternalAsync(forwarder, progress, cancellationToken);
            return target;
        }
        catch (Exception e)
        {
            await target.DisposeAsync();
            if (e is OperationCanceledException or TargetUnavailableException)
            {
                throw;
            }

            throw new TargetUnavailableException($"kubernetes target {options.Namespace}/{options.ClusterName} did not start: {e.Message}", e);
        }
    }

    /// <summary>The Cluster as it is now.</summary>
    public async Task<CnpgCluster> ReadClusterAsync(CancellationToken cancellationToken) =>
        CnpgCluster.From(await _watch.ReadAsync(Custom(CnpgApi.Clusters, _options.ClusterName), cancellationToken)
            ?? throw new TargetUnavailableException($"Cluster {_options.Namespace}/{_options.ClusterName} not found"));

    /// <summary>Deletes the primary's pod with a grace period of 0 (the instance manager is PID 1: killing it alone is not possible from outside).</summary>
    public async Task KillAsync(ClusterMember primary, PrimaryKill kill, CancellationToken cancellationToken)
    {
        if (kill == PrimaryKill.Agent)
        {
            throw new NotSupportedException("the kubernetes target cannot kill the instance manager alone: it is the pod's PID 1, so killing it stops PostgreSQL too");
        }

        await _kubernetes.CoreV1.DeleteNamespacedPodAsync(primary.Name, _options.Namespace, new V1DeleteOptions { GracePeriodSeconds = 0 }, gracePeriodSeconds: 0, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// After <paramref name="killedPrimary"/> was killed: watches the Cluster (at most <see cref="KubernetesTargetOptions.FailoverTimeout"/>)
    /// until the Cluster is Ready with another current primary, and returns it; throws <see cref="TimeoutException"/> saying what was last seen.
    /// </summary>
    public async Task<string> WaitForFailoverAsync(string killedPrimary, CancellationToken cancellationToken)
    {
        var cluster = await WatchClusterAsync($"Cluster {_options.ClusterName} Ready with a primary other than {killedPrimary}", _options.FailoverTimeout,
            c => c.Ready && c.CurrentPrimary is { } now && now != killedPrimary, cancellationToken);
        return cluster.CurrentPrimary!;
    }

    /// <summary>Closes every forward. The namespace itself belongs to whoever created it (the ephemeral stack).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var forward in _forwards)
        {
            await forward.DisposeAsync();
        }

        _forwards.Clear();
    }

    private async Task StartInternalAsync(IPortForwarder forwarder, Action<string> progress, CancellationToken cancellationToken)
    {
        progress($"waiting for Cluster {_options.Namespace}/{_options.ClusterName} to be Ready");
        CnpgCluster cluster;
        try
        {
            cluster = await WatchClusterAsync($"Cluster {_options.Namespace}/{_options.ClusterName} Ready", _options.ReadyTimeout, c => c.Ready && c.CurrentPrimary is not null, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TargetUnavailableException(e.Message, e);
        }

        Facts = new TargetFacts(await OperatorVersionAsync(cancellationToken), cluster.ImageName ?? "unknown (no spec.imageName)", cluster.StorageClass ?? "cluster default (no spec.storage.storageClass)", cluster.Replication);
        var owner = await ReadSecretAsync(_options.OwnerSecretName, cancellationToken)
            ?? throw new TargetUnavailableException($"Secret {_options.Namespace}/{_options.OwnerSecretName} not found (External Secrets has not written it)");
        ApplicationRole = owner.GetValueOrDefault("username") ?? throw new TargetUnavailableException($"Secret {_options.OwnerSecretName} has no username");
        ApplicationPassword = owner.GetValueOrDefault("password") ?? throw new TargetUnavailableException($"Secret {_options.OwnerSecretName} has no password");
        _database = ApplicationRole;
        // CNPG creates <cluster>-superuser only with enableSuperuserAccess; otherwise the owner checks what it can.
        var superuser = await ReadSecretAsync($"{_options.ClusterName}-superuser", cancellationToken);
        (_superuser, _superuserPassword) = superuser is not null && superuser.TryGetValue("username", out var su) && superuser.TryGetValue("password", out var sp)
            ? (su, sp)
            : (ApplicationRole, ApplicationPassword);

        var pods = await _kubernetes.CoreV1.ListNamespacedPodAsync(_options.Namespace, labelSelector: $"{CnpgApi.ClusterLabel}={_options.ClusterName},{CnpgApi.PodRoleLabel}={CnpgApi.InstanceRole}", cancellationToken: cancellationToken);
        RequireServiceAccount(pods.Items);
        var readWrite = await forwarder.ForwardAsync(_options.Namespace, ReadWritePodAsync, PostgresPort, cancellationToken);
        _forwards.Add(readWrite);
        _readWritePort = readWrite.LocalPort;
        foreach (var pod in pods.Items.Select(p => p.Metadata.Name).Order(StringComparer.Ordinal))
        {
            var forward = await forwarder.ForwardAsync(_options.Namespace, _ => Task.FromResult<string?>(pod), PostgresPort, cancellationToken);
            _forwards.Add(forward);
            _members.Add((pod, forward.LocalPort));
        }

        progress($"{Facts.OperatorVersion}, {Facts.PostgresImage}, storage class {Facts.StorageClass}; primary {cluster.CurrentPrimary}; members {string.Join(", ", _members.Select(m => m.Name))}");
    }

    /// <summary>
    /// Backups and restores reach the object store with the workload identity federated to the declared ServiceAccount;
    /// an instance running as another one could not, so the target refuses it before any drill blames the store.
    /// </summary>
    private void RequireServiceAccount(IEnumerable<V1Pod> pods)
    {
        if (_options.ServiceAccountName is not { } declared)
        {
            return;
        }

        var stranger = pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).FirstOrDefault(p => p.Spec?.ServiceAccountName != declared);
        if (stranger is not null)
        {
            throw new TargetUnavailableException($"pod {_options.Namespace}/{stranger.Metadata.Name} runs as ServiceAccount '{stranger.Spec?.ServiceAccountName ?? "(none)"}', not '{declared}' that the stack declares for its instances (the one with the backup workload identity)");
        }
    }

    /// <summary>Watches the Cluster until <paramref name="condition"/> holds; the time-out names <paramref name="what"/> and the Cluster last seen.</summary>
    private async Task<CnpgCluster> WatchClusterAsync(string what, TimeSpan timeout, Func<CnpgCluster, bool> condition, CancellationToken cancellationToken) =>
        CnpgCluster.From(await _watch.UntilAsync(Custom(CnpgApi.Clusters, _options.ClusterName), what, c => condition(CnpgCluster.From(c)), c => CnpgCluster.From(c).Summary, timeout, cancellationToken));

    /// <summary>A CNPG object of this target's namespace.</summary>
    private CustomObjectReference Custom(string plural, string name) => new(CnpgApi.Group, CnpgApi.Version, _options.Namespace, plural, name);

    /// <summary>The pod behind the <c>-rw</c> service now: its EndpointSlice's ready endpoint; null while there is none (mid-failover).</summary>
    private async Task<string?> ReadWritePodAsync(CancellationToken cancellationToken)
    {
        var slices = await _kubernetes.DiscoveryV1.ListNamespacedEndpointSliceAsync(_options.Namespace, labelSelector: $"kubernetes.io/service-name={CnpgApi.ReadWriteService(_options.ClusterName)}", cancellationToken: cancellationToken);
        return slices.Items.SelectMany(s => s.Endpoints ?? []).FirstOrDefault(e => e.Conditions?.Ready != false && e.TargetRef?.Kind == "Pod")?.TargetRef.Name;
    }

    /// <summary><c>cloudnative-pg &lt;tag&gt;</c> from the operator Deployment's image.</summary>
    private async Task<string> OperatorVersionAsync(CancellationToken cancellationToken)
    {
        var deployments = await _kubernetes.AppsV1.ListNamespacedDeploymentAsync(_options.OperatorNamespace, labelSelector: "app.kubernetes.io/name=cloudnative-pg", cancellationToken: cancellationToken);
        var image = deployments.Items.SelectMany(d => d.Spec.Template.Spec.Containers).Select(c => c.Image).FirstOrDefault();
        if (image is null)
        {
            return $"cloudnative-pg (no operator Deployment found in {_options.OperatorNamespace})";
        }

        var tag = image.LastIndexOf(':') is var colon and > 0 && !image[colon..].Contains('/') ? image[(colon + 1)..] : "untagged";
        return $"cloudnative-pg {tag} ({image})";
    }

    private async Task<Dictionary<string, string>?> ReadSecretAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await _kubernetes.CoreV1.ReadNamespacedSecretAsync(name, _options.Namespace, cancellationToken: cancellationToken);
            return (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(d => d.Key, d => Encoding.UTF8.GetString(d.Value));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
