namespace PgPlatform.Components.Settings;

/// <summary>
/// Syntax of the settings that are free text elsewhere (a Git revision, a kubeconfig context, repository and issuer
/// URLs). Each returns why a value is refused, or null. Besides each format's own rules every check refuses what a
/// value never needs and what would mean something to the files these values are written into: control characters
/// and line breaks (YAML structure), non-ASCII (Unicode line separators), whitespace, and <c>$</c>, which Pulumi YAML
/// reads as the start of an interpolation <c>${...}</c> (pulumi/pulumi-yaml, "Interpolation" in the language reference).
/// </summary>
public static class FreeStringSyntax
{
    /// <summary>Longest kubeconfig context name accepted (a DNS subdomain's length; real ones are far shorter).</summary>
    public const int MaxContextLength = 253;

    /// <summary>
    /// A Git branch, tag or commit, by the rules of <c>git check-ref-format --allow-onelevel</c> (git/git
    /// Documentation/git-check-ref-format.txt, rules 1 and 3-10), restricted further to printable ASCII without <c>$</c>.
    /// </summary>
    public static string? GitRevision(string value)
    {
        if (Unsafe(value) is { } unsafeWhy)
        {
            return unsafeWhy;
        }

        // Rule 4 and 5: ASCII control characters (checked above), space, ~ ^ : ? * [ and (rule 10) backslash.
        var bad = value.FirstOrDefault(c => c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\');
        if (bad != default)
        {
            return $"a Git ref cannot contain '{bad}' (git check-ref-format: no space, ~, ^, :, ?, *, [ or \\)";
        }

        return value switch
        {
            "@" => "a Git ref cannot be the single character '@' (git check-ref-format rule 9)",
            _ when value.Contains("..", StringComparison.Ordinal) => "a Git ref cannot contain '..' (git check-ref-format rule 3)",
            _ when value.Contains("@{", StringComparison.Ordinal) => "a Git ref cannot contain '@{' (git check-ref-format rule 8)",
            _ when value.StartsWith('/') || value.EndsWith('/') || value.Contains("//", StringComparison.Ordinal) => "a Git ref cannot begin or end with '/' or contain '//' (git check-ref-format rule 6)",
            _ when value.EndsWith('.') => "a Git ref cannot end with '.' (git check-ref-format rule 7)",
            _ when value.Split('/').Any(c => c.StartsWith('.') || c.EndsWith(".lock", StringComparison.Ordinal)) => "no '/'-separated part of a Git ref can begin with '.' or end with '.lock' (git check-ref-format rule 1)",
            _ => null,
        };
    }

    /// <summary>
    /// A kubeconfig context name. Kubernetes itself takes any string as a context's map key, so the accepted set is the
    /// one real names use: letters, digits and <c>. _ - : / @ + = ,</c> (AKS <c>aks-prod-weu</c>, EKS
    /// <c>arn:aws:eks:eu-west-1:123456789012:cluster/prod</c>, GKE <c>gke_project_zone_name</c>, <c>user@cluster</c>).
    /// </summary>
    public static string? KubeContext(string value)
    {
        if (Unsafe(value) is { } unsafeWhy)
        {
            return unsafeWhy;
        }

        var bad = value.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '/' or '@' or '+' or '=' or ','));
        return bad != default ? $"a kubeconfig context name here has only letters, digits and . _ - : / @ + = , (found '{bad}')"
            : value.Length > MaxContextLength ? $"it is longer than {MaxContextLength} characters"
            : null;
    }

    /// <summary>
    /// A URL with one of <paramref name="schemes"/> and a host, as <see cref="Uri"/> parses it; with <paramref name="scpLike"/>
    /// also Git's scp-like <c>git@host:path</c>. Only RFC 3986's unreserved, reserved and <c>%</c> characters, minus <c>$</c>,
    /// <c>'</c>, parentheses and brackets (so no IPv6 literal hosts).
    /// </summary>
    public static string? Url(string value, IReadOnlyList<string> schemes, bool scpLike)
    {
        if (Unsafe(value) is { } unsafeWhy)
        {
            return unsafeWhy;
        }

        var bad = value.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || "-._~:/?#@!&*+,;=%".Contains(c, StringComparison.Ordinal)));
        if (bad != default)
        {
            return $"a URL here has only letters, digits and - . _ ~ : / ? # @ ! & * + , ; = % (found '{bad}')";
        }

        if (scpLike && value.StartsWith("git@", StringComparison.Ordinal) && !value.Contains("://", StringComparison.Ordinal))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon > 4 && colon < value.Length - 1 && Uri.CheckHostName(value[4..colon]) == UriHostNameType.Dns ? null
                : "it is not an scp-like Git address 'git@<host>:<path>'";
        }

        return !Uri.TryCreate(value, UriKind.Absolute, out var uri) ? "it is not a URL"
            : !schemes.Contains(uri.Scheme) ? $"its scheme is '{uri.Scheme}', not {string.Join(" or ", schemes.Select(s => s + "://"))}"
            : uri.Host.Length == 0 || uri.HostNameType != UriHostNameType.Dns ? "it names no host (a DNS name)"
            : null;
    }

    private static string? Unsafe(string value)
    {
        var bad = value.FirstOrDefault(c => char.IsControl(c) || c > '~' || c == '$');
        return bad == default ? null
            : char.IsControl(bad) ? $"it contains the control character U+{(int)bad:X4} (a line break or similar)"
            : bad == '$' ? "it contains '$', which Pulumi YAML reads as the start of an interpolation ${...}"
            : $"it contains the non-ASCII character U+{(int)bad:X4}";
    }
}
