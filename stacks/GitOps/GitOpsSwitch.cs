using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PgPlatform.Components.Vocabulary;

namespace PgPlatform.Stacks.GitOps;

/// <summary>
/// Pauses and resumes GitOps for one application during an incident: the Argo CD Applications go to manual
/// sync (<c>spec.syncPolicy.automated</c> removed), so nobody's fix is reverted by self-heal, and the CNPG
/// Cluster carries the incident and the UTC time; resume restores automated sync with prune and self-heal and
/// removes the annotations. Each step is a JSON merge patch and each returns a line saying what changed.
/// The pause sticks only if the ApplicationSet ignores <c>/spec/syncPolicy</c> (<c>ignoreApplicationDifferences</c>).
/// </summary>
public sealed class GitOpsSwitch(IKubernetes kubernetes, TimeProvider time)
{
    /// <summary>Sets every Application of <paramref name="target"/> to manual sync and annotates the Cluster with <paramref name="reason"/>; returns what changed.</summary>
    public async Task<IReadOnlyList<string>> PauseAsync(GitOpsTarget target, string reason, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        foreach (var name in target.Applications)
        {
            changes.Add(await SetSyncAsync(target, name, automated: false, cancellationToken));
        }

        var pausedAt = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await PatchClusterAsync(target, new JsonObject { [IncidentAnnotations.Incident] = reason, [IncidentAnnotations.PausedAt] = pausedAt }, cancellationToken);
        changes.Add($"Cluster {target.Namespace}/{target.Cluster}: annotated {IncidentAnnotations.Incident}=\"{reason}\", {IncidentAnnotations.PausedAt}={pausedAt}");
        return changes;
    }

    /// <summary>Restores automated sync (prune, self-heal) on every Application of <paramref name="target"/> and removes the incident annotations; returns what changed.</summary>
    public async Task<IReadOnlyList<string>> ResumeAsync(GitOpsTarget target, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        foreach (var name in target.Applications)
        {
            changes.Add(await SetSyncAsync(target, name, automated: true, cancellationToken));
        }

        var cluster = await GetAsync(CnpgApi.Group, CnpgApi.Version, target.Namespace, CnpgApi.Clusters, target.Cluster, $"Cluster {target.Namespace}/{target.Cluster}", cancellationToken)
            ?? throw new GitOpsException($"Cluster {target.Namespace}/{target.Cluster} not found: check --app and --env");
        var annotations = cluster["metadata"]?["annotations"] as JsonObject;
        var incident = annotations?[IncidentAnnotations.Incident]?.GetValue<string>();
        var pausedAt = annotations?[IncidentAnnotations.PausedAt]?.GetValue<string>();
        if (incident is null && pausedAt is null)
        {
            changes.Add($"Cluster {target.Namespace}/{target.Cluster}: no incident annotation (unchanged)");
            return changes;
        }

        await PatchClusterAsync(target, new JsonObject { [IncidentAnnotations.Incident] = null, [IncidentAnnotations.PausedAt] = null }, cancellationToken);
        changes.Add($"Cluster {target.Namespace}/{target.Cluster}: removed {IncidentAnnotations.Incident}=\"{incident}\" (paused at {pausedAt ?? "unknown"})");
        return changes;
    }

    private async Task<string> SetSyncAsync(GitOpsTarget target, string name, bool automated, CancellationToken cancellationToken)
    {
        var what = $"Application {target.ArgoCdNamespace}/{name}";
        var application = await GetAsync(ArgoCdApi.Group, ArgoCdApi.Version, target.ArgoCdNamespace, ArgoCdApi.Applications, name, what, cancellationToken);
        if (application is null)
        {
            // A database without a workload has no app Application; the database's own must exist.
            return name == target.DatabaseApplication
                ? throw new GitOpsException($"{what} not found: check --app and --env, and that the ApplicationSet generated it")
                : $"{what}: not found (skipped)";
        }

        var current = application["spec"]?["syncPolicy"]?["automated"] as JsonObject;
        var before = current is null ? "manual" : $"automated (prune={Text(Flag(current, "prune"))}, selfHeal={Text(Flag(current, "selfHeal"))})";
        if (!automated && current is null)
        {
            return $"{what}: sync policy already manual (unchanged)";
        }

        if (automated && current is not null && Flag(current, "prune") && Flag(current, "selfHeal"))
        {
            return $"{what}: sync policy already {before} (unchanged)";
        }

        JsonNode? policy = automated ? new JsonObject { ["prune"] = true, ["selfHeal"] = true } : null;
        var patch = new JsonObject { ["spec"] = new JsonObject { ["syncPolicy"] = new JsonObject { ["automated"] = policy } } };
        await PatchAsync(ArgoCdApi.Group, ArgoCdApi.Version, target.ArgoCdNamespace, ArgoCdApi.Applications, name, patch, what, cancellationToken);
        return $"{what}: sync policy {before} -> {(automated ? "automated (prune=true, selfHeal=true)" : "manual")}";
    }

    private Task PatchClusterAsync(GitOpsTarget target, JsonObject annotations, CancellationToken cancellationToken) =>
        PatchAsync(CnpgApi.Group, CnpgApi.Version, target.Namespace, CnpgApi.Clusters, target.Cluster,
            new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations } }, $"Cluster {target.Namespace}/{target.Cluster}", cancellationToken);

    private async Task<JsonObject?> GetAsync(string group, string version, string ns, string plural, string name, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await kubernetes.CustomObjects.GetNamespacedCustomObjectAsync<JsonObject>(group, version, ns, plural, name, cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException e)
        {
            throw new GitOpsException($"reading {what}: the API answered {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}: {e.Response.Content}", e);
        }
    }

    private async Task PatchAsync(string group, string version, string ns, string plural, string name, JsonObject patch, string what, CancellationToken cancellationToken)
    {
        try
        {
            await kubernetes.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), group, version, ns, plural, name, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new GitOpsException($"{what} not found: check --app and --env", e);
        }
        catch (HttpOperationException e)
        {
            throw new GitOpsException($"patching {what}: the API answered {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}: {e.Response.Content}", e);
        }
    }

    private static string Text(bool flag) => flag ? "true" : "false";

    private static bool Flag(JsonObject automated, string name) => automated[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
