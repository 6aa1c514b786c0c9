using System.Globalization;
using System.Text;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>
/// The local <c>-rw</c> and <c>-ro</c> endpoints: HAProxy (Debian's <c>haproxy</c>) in front of the Patroni members,
/// routing by Patroni's REST health checks the way a CNPG <c>-rw</c>/<c>-ro</c> Service follows the pods' roles:
/// <c>GET /primary</c> answers 200 only on the leader running PostgreSQL, <c>GET /replica</c> only on a running
/// replica (patroni/patroni docs/rest_api.rst, "Health check endpoints"; the layout follows patroni/patroni haproxy.cfg).
/// A member marked down has its sessions shut, so a client never keeps writing to a demoted primary.
/// </summary>
internal sealed class HaProxy
{
    private readonly string _directory;
    private Daemon? _daemon;

    public HaProxy(string directory, int readWritePort, int readOnlyPort)
    {
        _directory = directory;
        ReadWritePort = readWritePort;
        ReadOnlyPort = readOnlyPort;
    }

    /// <summary>Where the application's read-write address listens.</summary>
    public int ReadWritePort { get; }

    /// <summary>Where the read-only address listens.</summary>
    public int ReadOnlyPort { get; }

    public bool Running => _daemon is { HasExited: false };

    /// <summary>The endpoint in words, for evidence.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"rw 127.0.0.1:{ReadWritePort}, ro 127.0.0.1:{ReadOnlyPort} (HAProxy, Patroni REST /primary and /replica checks)");

    /// <summary>
    /// The configuration for <paramref name="members"/>. Checks every 500 ms, down after 2 failures, up after 1:
    /// the new primary receives writes within about a second of Patroni promoting it.
    /// </summary>
    public static string Configuration(IReadOnlyList<PatroniMember> members, int readWritePort, int readOnlyPort)
    {
        var cfg = new StringBuilder();
        cfg.Append("""
            global
                maxconn 200

            defaults
                mode tcp
                retries 2
                timeout connect 3s
                timeout client 30m
                timeout server 30m
                timeout check 2s

            """);
        Listen(cfg, "rw", readWritePort, "/primary", members);
        Listen(cfg, "ro", readOnlyPort, "/replica", members);
        return cfg.ToString();
    }

    /// <summary>Writes haproxy.cfg and starts HAProxy in the foreground (<c>-db</c>) as <paramref name="runAs"/>.</summary>
    public void Start(IReadOnlyList<PatroniMember> members, RunAs runAs)
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "haproxy.cfg");
        File.WriteAllText(path, Configuration(members, ReadWritePort, ReadOnlyPort));
        _daemon = Daemon.Start("haproxy", ["/usr/sbin/haproxy", "-db", "-f", path], _directory, Path.Combine(_directory, "haproxy.log"), runAs, new Dictionary<string, string>());
    }

    public string LogTail() => _daemon?.LogTail() ?? "(not started)";

    public void Kill() => _daemon?.Kill();

    private static void Listen(StringBuilder cfg, string name, int port, string check, IReadOnlyList<PatroniMember> members)
    {
        cfg.Append(CultureInfo.InvariantCulture, $"listen {name}\n    bind 127.0.0.1:{port}\n    option httpchk GET {check}\n    http-check expect status 200\n");
        cfg.Append("    default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions\n");
        foreach (var member in members)
        {
            cfg.Append(CultureInfo.InvariantCulture, $"    server {member.Name} 127.0.0.1:{member.PostgresPort} check port {member.RestPort}\n");
        }

        cfg.Append('\n');
    }
}
