using System.Net;
using System.Text.Json;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>
/// The receiver Alertmanager notifies: its webhook payload (Alertmanager's webhook_config format: <c>alerts[]</c>
/// with <c>status</c>, <c>labels</c>, <c>annotations</c>) recorded with the time it arrived.
/// </summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly List<AlertDelivery> _deliveries = [];
    private readonly Lock _gate = new();
    private readonly LoopbackListener _listener;

    public WebhookReceiver(int port) => _listener = new LoopbackListener(port, ReceiveAsync);

    public int Port => _listener.Port;

    public IReadOnlyList<AlertDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>Parses one notification into its alerts.</summary>
    public static IReadOnlyList<AlertDelivery> Parse(string json, DateTimeOffset receivedAt)
    {
        using var document = JsonDocument.Parse(json);
        var alerts = new List<AlertDelivery>();
        foreach (var alert in document.RootElement.GetProperty("alerts").EnumerateArray())
        {
            var labels = alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            var summary = alert.TryGetProperty("annotations", out var annotations) && annotations.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
            alerts.Add(new AlertDelivery(labels.GetValueOrDefault("alertname", ""), alert.GetProperty("status").GetString() ?? "", labels, summary, receivedAt));
        }

        return alerts;
    }

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
        var alerts = Parse(await reader.ReadToEndAsync(), receivedAt);
        lock (_gate)
        {
            _deliveries.AddRange(alerts);
        }

        context.Response.StatusCode = 200;
    }
}
