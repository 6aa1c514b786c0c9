using PgPlatform.Testing.Cel;

namespace PgPlatform.Testing.Tests.Cel;

/// <summary>
/// Where cel-js 8.0.0 and the Kubernetes API server part ways. Each test pins what cel-js does so a
/// cel-js upgrade that closes a gap shows up here; the comment says what Kubernetes does instead.
/// Expressions meant for a ValidatingAdmissionPolicy should avoid everything in this file.
/// </summary>
public sealed class CelKnownDifferencesTests
{
    private static CelResult Evaluate(string expression) =>
        CelEvaluator.Shared.EvaluateValidation(expression, CelFixtures.Cluster());

    private static void AssertNoOverload(string expression)
    {
        var result = Evaluate(expression);
        Assert.True(result.Error is not null, $"{expression} returned {result.Display}");
        Assert.Contains("no_matching_overload", result.Error, StringComparison.Ordinal);
    }

    // Kubernetes leaves non-ASCII letters alone: 'Äb'.lowerAscii() == 'Äb'.
    [Fact]
    public void LowerAndUpperAsciiAlsoChangeNonAsciiLetters()
    {
        Assert.Equal("\"äb\"", Evaluate("'Äb'.lowerAscii()").Display);
        Assert.Equal("\"ÄB\"", Evaluate("'äb'.upperAscii()").Display);
    }

    // RE2 accepts inline flags; Kubernetes evaluates this to true.
    [Fact]
    public void RegexInlineFlagsAreAnError() =>
        Assert.Contains("invalid_regular_expression", Evaluate("'ABC'.matches('(?i)abc')").Error, StringComparison.Ordinal);

    // RE2 knows POSIX classes and \pL, and '.' matches a code point; Kubernetes says true to all three.
    [Theory]
    [InlineData("'a1'.matches('^[[:alpha:]][[:digit:]]$')")]
    [InlineData("'x'.matches('\\\\pL')")]
    [InlineData("'😀'.matches('^.$')")]
    public void SomeRe2PatternsSilentlyMatchNothing(string expression)
    {
        var result = Evaluate(expression);

        Assert.Null(result.Error);
        Assert.False(result.Value);
    }

    // RE2 has no backreferences or lookaround; Kubernetes rejects these patterns when the policy is created.
    [Theory]
    [InlineData("'aa'.matches('(a)\\\\1')")]
    [InlineData("'ab'.matches('a(?=b)')")]
    public void NonRe2PatternsAreAccepted(string expression) => Assert.True(Evaluate(expression).IsTrue);

    // Kubernetes 1.32+ has two-variable comprehensions (ext.TwoVarComprehensions).
    [Theory]
    [InlineData("object.metadata.labels.all(k, v, v.size() > 1)")]
    [InlineData("object.metadata.labels.exists(k, v, v == 'db')")]
    [InlineData("object.metadata.labels.transformMap(k, v, v + '!').size() == 2")]
    public void TwoVariableComprehensionsAreMissing(string expression) => AssertNoOverload(expression);

    // Kubernetes-specific libraries and the parts of ext.Strings v2 cel-js lacks.
    [Theory]
    [InlineData("quantity('1Gi').isGreaterThan(quantity('1Mi'))")]
    [InlineData("isQuantity('1Gi')")]
    [InlineData("url('https://x.example').getHost() == 'x.example'")]
    [InlineData("isURL('https://x.example')")]
    [InlineData("ip('10.0.0.1').family() == 4")]
    [InlineData("cidr('10.0.0.0/8').containsIP(ip('10.0.0.1'))")]
    [InlineData("[1, 2].isSorted()")]
    [InlineData("[1, 2].sum() == 3")]
    [InlineData("[1, 2].max() == 2")]
    [InlineData("[1, 2].indexOf(2) == 1")]
    [InlineData("sets.contains([1, 2], [1])")]
    [InlineData("'%s'.format(['x']) == 'x'")]
    [InlineData("'abc'.charAt(1) == 'b'")]
    [InlineData("'a.b'.replace('.', '-') == 'a-b'")]
    [InlineData("strings.quote('x') == '\"x\"'")]
    [InlineData("isSemver('1.2.3')")]
    public void KubernetesLibrariesAreMissing(string expression) => AssertNoOverload(expression);

    // Kubernetes rejects an unknown variable when the policy is created; cel-js fails only when
    // evaluation reaches it, so a short-circuited reference passes unnoticed here.
    [Fact]
    public void UnknownVariablesFailOnlyWhenReached()
    {
        Assert.Contains("Unknown variable: params", Evaluate("params.max > 1").Error, StringComparison.Ordinal);
        Assert.True(Evaluate("true || params.max > 1").IsTrue);
    }
}
