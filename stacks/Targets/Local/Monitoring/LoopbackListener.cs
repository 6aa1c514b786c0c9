using System.Globalization;
using System.Net;

namespace PgPlatform.Stacks.Targets.Local.Monitoring;

/// <summary>A minimal HTTP server on a loopback port, in the driver: each request goes to one handler, one at a time.</summary>
internal sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackListener(int port, Func<HttpListenerContext, Task> handle)
    {
        Port = port;
        _handle = handle;
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener; how does not matter.
        }

        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await _handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or System.Text.Json.JsonException)
            {
                context.Response.StatusCode = 400;
            }
            finally
            {
                context.Response.Close();
            }
        }
    }
}
