using System.Globalization;
using System.Text.Json;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>The parts of Prometheus' HTTP API (<c>/api/v1</c>) the drill reads: alerts, instant queries, rules, Alertmanagers.</summary>
internal sealed class PrometheusClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), Timeout = TimeSpan.FromSeconds(5) };

    public int Port => port;

    /// <summary>Pending and firing alerts.</summary>
    public async Task<IReadOnlyList<ActiveAlert>> AlertsAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/alerts", cancellationToken);
        return [.. document.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().Select(a =>
        {
            var labels = a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            return new ActiveAlert(labels.GetValueOrDefault("alertname", ""), a.GetProperty("state").GetString() ?? "", labels,
                DateTimeOffset.Parse(a.GetProperty("activeAt").GetString()!, CultureInfo.InvariantCulture));
        })];
    }

    /// <summary>The value of a scalar-ish instant query (the first sample), or null when the result is empty.</summary>
    public async Task<double?> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        using var document = await GetAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}", cancellationToken);
        var result = document.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Names of the loaded rule groups.</summary>
    public async Task<IReadOnlyList<string>> RuleGroupsAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/rules", cancellationToken);
        return [.. document.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("name").GetString()!)];
    }

    /// <summary>How many Alertmanagers Prometheus sends to.</summary>
    public async Task<int> ActiveAlertmanagersAsync(CancellationToken cancellationToken)
    {
        using var document = await GetAsync("api/v1/alertmanagers", cancellationToken);
        return document.RootElement.GetProperty("data").GetProperty("activeAlertmanagers").GetArrayLength();
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
