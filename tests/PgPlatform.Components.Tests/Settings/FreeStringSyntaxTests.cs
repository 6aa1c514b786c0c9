using PgPlatform.Components.Settings;

namespace PgPlatform.Components.Tests.Settings;

/// <summary>Free-text settings are held to their syntax: a Git ref (git check-ref-format), a kubeconfig context name, a URL.</summary>
public sealed class FreeStringSyntaxTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("release/v1.2")]
    [InlineData("v1.2.3")]
    [InlineData("3f2c8a517d4e4b0a9c612e8f5d7b9a10aa11bb22")]
    [InlineData("feature/a-b_c+d")]
    [InlineData("it's\"quoted\"#x{y}")]
    public void GitRefsGitAcceptsAreAccepted(string revision) => Assert.Null(FreeStringSyntax.GitRevision(revision));

    [Theory]
    [InlineData("main\nx: y", "control character U+000A")]
    [InlineData("main\u2028x", "non-ASCII character U+2028")]
    [InlineData("${pulumi.stack}", "'$'")]
    [InlineData("$(whoami)", "'$'")]
    [InlineData("a b", "cannot contain ' '")]
    [InlineData("a:b", "cannot contain ':'")]
    [InlineData("a~1", "cannot contain '~'")]
    [InlineData("a^", "cannot contain '^'")]
    [InlineData("a?", "cannot contain '?'")]
    [InlineData("a*", "cannot contain '*'")]
    [InlineData("a[1]", "cannot contain '['")]
    [InlineData("a\\b", "cannot contain '\\'")]
    [InlineData("a..b", "rule 3")]
    [InlineData("a@{1}", "rule 8")]
    [InlineData("@", "rule 9")]
    [InlineData("/main", "rule 6")]
    [InlineData("main/", "rule 6")]
    [InlineData("a//b", "rule 6")]
    [InlineData("main.", "rule 7")]
    [InlineData(".hidden", "rule 1")]
    [InlineData("a/.b", "rule 1")]
    [InlineData("main.lock", "rule 1")]
    public void GitRefsGitRefusesAreRefusedWithTheRule(string revision, string why) =>
        Assert.Contains(why, FreeStringSyntax.GitRevision(revision), StringComparison.Ordinal);

    [Theory]
    [InlineData("aks-prod-weu")]
    [InlineData("arn:aws:eks:eu-west-1:123456789012:cluster/prod")]
    [InlineData("gke_my-project_europe-west1-b_prod")]
    [InlineData("admin@kind-pgp")]
    public void RealContextNamesAreAccepted(string context) => Assert.Null(FreeStringSyntax.KubeContext(context));

    [Theory]
    [InlineData("aks\nkind: Secret", "U+000A")]
    [InlineData("aks\u0085x", "U+0085")]
    [InlineData("${pulumi.stack}", "'$'")]
    [InlineData("a b", "(found ' ')")]
    [InlineData("a: b", "(found ' ')")]
    [InlineData("\"quoted\"", "(found '\"')")]
    [InlineData("a#b", "(found '#')")]
    [InlineData("{a}", "(found '{')")]
    public void ContextNamesWithYamlOrShellSyntaxAreRefused(string context, string why) =>
        Assert.Contains(why, FreeStringSyntax.KubeContext(context), StringComparison.Ordinal);

    [Theory]
    [InlineData("https://git.example.com/platform/gitops.git")]
    [InlineData("ssh://git@git.example.com:2222/platform/gitops.git")]
    [InlineData("git@github.com:acme/gitops.git")]
    [InlineData("https://git.example.com/a?b=c&d=e#f")]
    public void GitUrlsAreAccepted(string url) => Assert.Null(FreeStringSyntax.Url(url, ["https", "ssh"], scpLike: true));

    [Theory]
    [InlineData("http://git.example.com/x.git", "its scheme is 'http', not https:// or ssh://")]
    [InlineData("file:///etc/passwd", "its scheme is 'file'")]
    [InlineData("https://", "it is not a URL")]
    [InlineData("git.example.com/x.git", "it is not a URL")]
    [InlineData("git@:x", "not an scp-like Git address")]
    [InlineData("https://git.example.com/${x}", "'$'")]
    [InlineData("https://git.example.com/x\nkind: Secret", "U+000A")]
    [InlineData("https://git.example.com/x y", "(found ' ')")]
    [InlineData("https://git.example.com/'x'", "(found ''')")]
    public void BadGitUrlsAreRefusedSayingWhy(string url, string why) =>
        Assert.Contains(why, FreeStringSyntax.Url(url, ["https", "ssh"], scpLike: true), StringComparison.Ordinal);
}
