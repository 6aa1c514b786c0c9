using System.Net;
using System.Net.Sockets;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// Free loopback ports chosen at run time. The kernel picks each one (bind to port 0); ports already handed
/// out in this process are never handed out again, so targets started side by side (parallel tests) do not
/// collide while their processes are still starting.
/// </summary>
internal static class PortAllocator
{
    private static readonly HashSet<int> Handed = [];
    private static readonly Lock Gate = new();

    /// <summary>A port nothing listens on now and this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("no free loopback port after 100 attempts");
        }
    }
}
