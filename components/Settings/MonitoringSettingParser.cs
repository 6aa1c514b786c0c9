using PgPlatform.Components.Vocabulary;
using System.Text.Json;
using System.Text.Json.Nodes;
using PgPlatform.Components.Validation;

namespace PgPlatform.Components.Settings;

/// <summary>
/// Reads <c>pg-platform:monitoring</c>. Like every structured value it may be the mapping itself (a stack file,
/// <c>pulumi config set --path</c>) or a string holding its JSON.
/// </summary>
public static class MonitoringSettingParser
{
    private static readonly string[] Fields = ["mode", "release", "namespace"];

    private const string Example = "monitoring: {mode: existing, release: kube-prometheus-stack, namespace: monitoring}";

    /// <summary>Parses the setting read from <paramref name="source"/>; the default (install) when <paramref name="node"/> is absent.</summary>
    public static MonitoringSelection Parse(JsonNode? node, string source)
    {
        if (node is null)
        {
            return new MonitoringSelection();
        }

        var where = $"'{SettingKeys.Monitoring.Key}' in {source}";
        var entry = SettingMapping.Read(node, where, Fields, Example);
        string? Str(string field) => SettingMapping.Text(entry, field);
        var mode = Str("mode") switch
        {
            null or "install" => MonitoringMode.Install,
            "existing" => MonitoringMode.Existing,
            // Azure Monitor's managed Prometheus reads its own API group (azmonitoring.coreos.com), not the
            // monitoring.coreos.com PodMonitors and PrometheusRules the platform emits (issue 11, item 1).
            { } m when m.StartsWith("azure", StringComparison.OrdinalIgnoreCase) => throw new SettingsException(
                $"{where}: mode '{m}' is not supported: Azure Monitor managed Prometheus reads azmonitoring.coreos.com PodMonitors and no PrometheusRules, while pg-platform emits {MonitoringApi.Group} ones. Fix: use 'mode: install' (day-0 installs kube-prometheus-stack) or 'mode: existing' with the release label and namespace of a prometheus-operator stack, e.g. '{Example}'"),
            { } m => throw new SettingsException($"{where}: mode '{m}' is not install or existing. Fix: write e.g. '{Example}'"),
        };

        var release = Str("release");
        var ns = Str("namespace");
        if (mode == MonitoringMode.Existing && (release is null || ns is null))
        {
            throw new SettingsException($"{where}: mode existing needs the stack's release label and namespace. Fix: name them, e.g. '{Example}'");
        }

        if (release is not null && !Dns1123.IsLabel(release, 53))
        {
            throw new SettingsException($"{where}: release '{release}' is not a Helm release name (a DNS-1123 label of at most 53 characters). Fix: write the value of the stack's 'release' label, e.g. 'release: kube-prometheus-stack'");
        }

        if (ns is not null && !Dns1123.IsLabel(ns))
        {
            throw new SettingsException($"{where}: namespace '{ns}' is not a namespace name. Fix: write e.g. 'namespace: monitoring'");
        }

        return new MonitoringSelection { Mode = mode, Release = release ?? MonitoringSelection.DefaultRelease, Namespace = ns ?? MonitoringSelection.DefaultNamespace };
    }
}
