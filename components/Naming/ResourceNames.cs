using System.Security.Cryptography;
using System.Text;

namespace PgPlatform.Components.Naming;

/// <summary>
/// Stable DNS-1123 label names derived from a component path, as cdk8s does: the parts joined by '-',
/// and, when that is longer than allowed, truncated and suffixed with a short hash of the full path
/// so that two long paths never collide.
/// </summary>
public static class ResourceNames
{
    /// <summary>The longest DNS-1123 label.</summary>
    public const int MaxLabelLength = 63;

    private const int HashLength = 8;

    /// <summary>The logical name for <paramref name="parts"/>, at most <paramref name="maxLength"/> characters.</summary>
    public static string FromPath(IEnumerable<string> parts, int maxLength = MaxLabelLength)
    {
        var list = parts.Where(p => p.Length > 0).ToList();
        var joined = string.Join('-', list);
        if (joined.Length <= maxLength)
        {
            return joined;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('/', list))))[..HashLength];
        var head = joined[..(maxLength - HashLength - 1)].TrimEnd('-');
        return $"{head}-{hash}";
    }
}
