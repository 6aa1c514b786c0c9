using System.Text;
using System.Text.RegularExpressions;

namespace PgPlatform.Components.Contract;

/// <summary>
/// What a secret looks like in text, and its redaction. The patterns are written in the subset of regular expression
/// syntax that .NET, RE2 (Kubernetes CEL's <c>matches</c>) and JavaScript (the CEL engine the tests run) read alike:
/// no inline flags (case is spelled out as <c>[Pp]</c>), no lookaround, so a rule's C# check and its CEL agree.
/// </summary>
public static partial class SecretText
{
    /// <summary>An environment variable name that says it holds a secret: PASSWORD, PASSWD, SECRET, TOKEN, APIKEY or API_KEY, in any case.</summary>
    public static readonly string SecretNamePattern = $"({AnyCase("password")}|{AnyCase("passwd")}|{AnyCase("secret")}|{AnyCase("token")}|{AnyCase("api")}_?{AnyCase("key")})";

    /// <summary>A name that holds where a secret is, not the secret: ending in _FILE, _PATH, _DIR, _NAME, _URL, _URI or _ENDPOINT (also with - or .).</summary>
    public static readonly string LocationNamePattern = $"[-_.]({AnyCase("file")}|{AnyCase("path")}|{AnyCase("dir")}|{AnyCase("name")}|{AnyCase("url")}|{AnyCase("uri")}|{AnyCase("endpoint")})$";

    /// <summary>A value that is only a reference to another variable, <c>$(NAME)</c>, which Kubernetes expands (e.g. from a secretKeyRef).</summary>
    public const string ReferencePattern = @"^\$\([A-Za-z_][A-Za-z0-9_]*\)$";

    /// <summary>A URL with a password in its user info (<c>postgres://user:pw@host</c>); a password that is a <c>$(NAME)</c> reference is not one.</summary>
    public const string UrlPasswordPattern = @"[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]*:([^/?#@\s$]|\$[^(/?#@\s])[^/?#@\s]*@";

    /// <summary>A keyword connection string or query with a password (<c>host=db password=pw</c>, <c>?password=pw</c>, <c>Pwd=pw;</c>), not a <c>$(NAME)</c> reference.</summary>
    public static readonly string KeywordPasswordPattern = $@"(^|[\s;&?])({AnyCase("password")}|{AnyCase("pwd")})\s*=\s*([^\s;&$]|\$[^(\s;&])";

    /// <summary>What replaces a secret in printed text.</summary>
    public const string Mask = "***";

    /// <summary>True when an environment variable named <paramref name="name"/> with <paramref name="value"/> holds a literal secret (PGP021).</summary>
    public static bool IsLiteralSecret(string name, string value) =>
        SecretName().IsMatch(name) && !LocationName().IsMatch(name) && value.Length > 0 && !Reference().IsMatch(value);

    /// <summary>True when <paramref name="value"/> is a connection string or URL that carries a password (PGP021).</summary>
    public static bool HasPassword(string value) => UrlPassword().IsMatch(value) || KeywordPassword().IsMatch(value);

    /// <summary>
    /// <paramref name="text"/> with every secret-looking value masked: the password of a URL's user info, and the value of
    /// any <c>KEY=value</c> whose key looks secret (PGP021's names, <c>pwd</c>, Azure's <c>AccountKey</c>,
    /// <c>SharedAccessSignature</c> and a SAS token's <c>sig</c>). Findings pass through this before anyone prints them.
    /// </summary>
    public static string Redact(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var masked = UserInfoPassword().Replace(text, m => $"{m.Groups[1].Value}{Mask}@");
        return SecretAssignment().Replace(masked, m => $"{m.Groups[1].Value}{Mask}");
    }

    /// <summary>A case-insensitive pattern for the letters of <paramref name="word"/>: <c>[Pp][Ww][Dd]</c>.</summary>
    private static string AnyCase(string word)
    {
        var pattern = new StringBuilder();
        foreach (var c in word)
        {
            pattern.Append(char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : Regex.Escape(c.ToString()));
        }

        return pattern.ToString();
    }

    // Declared after the patterns they compile (static fields initialize in text order).
    private static readonly Regex SecretNameRegex = new(SecretNamePattern, RegexOptions.CultureInvariant);
    private static readonly Regex LocationNameRegex = new(LocationNamePattern, RegexOptions.CultureInvariant);
    private static readonly Regex KeywordPasswordRegex = new(KeywordPasswordPattern, RegexOptions.CultureInvariant);

    private static Regex SecretName() => SecretNameRegex;

    private static Regex LocationName() => LocationNameRegex;

    private static Regex KeywordPassword() => KeywordPasswordRegex;

    [GeneratedRegex(ReferencePattern)]
    private static partial Regex Reference();

    [GeneratedRegex(UrlPasswordPattern)]
    private static partial Regex UrlPassword();

    /// <summary>Scheme and user of a URL with a password; a password that is only a <c>$(NAME)</c> reference is left as it is.</summary>
    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.-]*://[^/?#@\s:]*:)(?!\$\([A-Za-z_][A-Za-z0-9_]*\)@)[^/?#@\s]+@")]
    private static partial Regex UserInfoPassword();

    /// <summary><c>KEY=value</c> with a secret-looking key; the value runs to whitespace, <c>;</c>, <c>&amp;</c> or a quote.</summary>
    [GeneratedRegex(@"((?:[A-Za-z0-9_.-]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCOUNTKEY|SHAREDACCESSSIGNATURE)[A-Za-z0-9_.-]*|\bPWD|(?<=[?&;\s]|^)SIG)\s*=\s*)(?!\*\*\*|\$\([A-Za-z_][A-Za-z0-9_]*\)(?:[\s;&'""]|$))[^\s;&'""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();
}
