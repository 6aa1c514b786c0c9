using PgPlatform.Testing.Cel;

namespace PgPlatform.Testing.Tests.Cel;

/// <summary>
/// The Kubernetes CEL features cel-js evaluates the way the API server does, one test each, so
/// expressions written against this list behave alike in tests and in the cluster.
/// </summary>
public sealed class CelFeatureMatrixTests
{
    private static bool True(string expression)
    {
        var result = CelEvaluator.Shared.EvaluateValidation(expression, CelFixtures.Cluster());
        Assert.True(result.Error is null, $"{expression}: {result.Error}");
        return result.Value ?? throw new InvalidOperationException($"{expression} returned {result.Display}, not a bool");
    }

    private static string Error(string expression)
    {
        var result = CelEvaluator.Shared.EvaluateValidation(expression, CelFixtures.Cluster());
        Assert.True(result.Error is not null, $"{expression} was expected to fail but returned {result.Display}");
        return result.Error;
    }

    private static string Display(string expression)
    {
        var result = CelEvaluator.Shared.EvaluateValidation(expression, CelFixtures.Cluster());
        Assert.True(result.Error is null, $"{expression}: {result.Error}");
        return result.Display!;
    }

    [Fact]
    public void HasMacroTestsPresenceButNeedsTheParentToExist()
    {
        Assert.True(True("has(object.spec.backup) && has(object.metadata.labels.tier)"));
        Assert.False(True("has(object.spec.monitoring)"));
        Assert.Contains("No such key: monitoring", Error("has(object.spec.monitoring.enabled)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Exists() => Assert.True(True("object.spec.containers.exists(c, c.name == 'exporter') && !object.spec.tags.exists(t, t == 'z')"));

    [Fact]
    public void All() => Assert.True(True("object.spec.containers.all(c, c.image.contains('/')) && [].all(x, false)"));

    [Fact]
    public void ExistsOne() => Assert.True(True("object.spec.tags.exists_one(t, t == 'a') && !object.spec.tags.exists_one(t, t != 'z')"));

    [Fact]
    public void MapWithTwoAndThreeArguments()
    {
        Assert.Equal("""["postgres", "exporter"]""", Display("object.spec.containers.map(c, c.name)"));
        Assert.Equal("""["exporter"]""", Display("object.spec.containers.map(c, c.name != 'postgres', c.name)"));
    }

    [Fact]
    public void Filter() => Assert.Equal("""["b"]""", Display("object.spec.tags.filter(t, t > 'a')"));

    [Fact]
    public void MacrosOverMapsIterateKeys() => Assert.True(True("object.metadata.labels.exists(k, k == 'tier') && object.metadata.labels.all(k, k.size() > 3)"));

    [Fact]
    public void SizeOfListsMapsAndStringsInCodePoints() =>
        Assert.True(True("size(object.spec.containers) == 2 && object.metadata.labels.size() == 2 && size('héllo') == 5 && '😀'.size() == 1"));

    [Fact]
    public void InOnListsAndMapKeys() => Assert.True(True("'a' in object.spec.tags && 'tier' in object.metadata.labels && !('db' in object.metadata.labels)"));

    [Fact]
    public void StartsWithEndsWithContains() =>
        Assert.True(True("object.metadata.name.startsWith('link') && object.metadata.name.endsWith('-db') && object.metadata.name.contains('ding')"));

    [Fact]
    public void MatchesIsAnUnanchoredSearch()
    {
        Assert.True(True("object.metadata.name.matches('ding') && object.metadata.name.matches('^[a-z][a-z0-9-]*$')"));
        Assert.False(True("object.metadata.name.matches('^ding')"));
        Assert.Contains("invalid_regular_expression", Error("object.metadata.name.matches('[')"), StringComparison.Ordinal);
    }

    [Fact]
    public void KubernetesStringsExtension() =>
        Assert.True(True(
            "'a,b,c'.split(',') == ['a', 'b', 'c'] && 'a,b,c'.split(',', 2) == ['a', 'b,c'] && " +
            "'MiXeD'.lowerAscii() == 'mixed' && 'MiXeD'.upperAscii() == 'MIXED' && " +
            "'hello'.indexOf('l') == 2 && 'hello'.lastIndexOf('l') == 3 && 'hello'.indexOf('z') == -1 && " +
            "'hello'.substring(1, 3) == 'el' && '  x '.trim() == 'x' && ['a', 'b'].join('-') == 'a-b'"));

    [Fact]
    public void OptionalFieldAndIndexAccess()
    {
        Assert.True(True("object.spec.?backup.?retentionPolicy.orValue('') == '30d'"));
        Assert.True(True("object.?spec.?monitoring.?enabled.orValue(false) == false"));
        Assert.True(True("object.metadata.labels[?'missing'].orValue('none') == 'none' && object.spec.?backup.hasValue()"));
        Assert.Contains("optional_value_missing", Error("object.spec.?monitoring.value()"), StringComparison.Ordinal);
    }

    [Fact]
    public void QuestionDotIsNotCelSyntax() => Assert.StartsWith("ParseError", Error("object?.spec"), StringComparison.Ordinal);

    [Fact]
    public void MapIndexingWithAnyStringKey() =>
        Assert.Equal("\"linkding\"", Display("object.metadata.labels['app.kubernetes.io/name']"));

    [Fact]
    public void Conversions()
    {
        Assert.True(True("int('42') == 42 && string(object.spec.instances) == '3' && int(object.spec.cpuRatio) == 2"));
        Assert.True(True("double(object.spec.instances) == 3.0 && uint(object.spec.instances) == 3u && string(2.5) == '2.5'"));
        Assert.Contains("int_conversion_error", Error("int('4.2')"), StringComparison.Ordinal);
    }

    [Fact]
    public void IntComparesWithUintAndDouble()
    {
        Assert.True(True("object.spec.instances < 3.5 && object.spec.instances > 2u && object.spec.instances == 3.0 && object.spec.instances == 3u"));
        Assert.True(True("1 < 1.5 && 1 < 2u"));
    }

    [Fact]
    public void MixedNumericArithmeticIsAnError()
    {
        Assert.Contains("no_such_overload", Error("object.spec.instances + 1.5 > 0.0"), StringComparison.Ordinal);
        Assert.Contains("no_such_overload", Error("object.spec.instances + 1u > 0u"), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeyIsAnErrorWhateverItIsComparedWith()
    {
        Assert.Contains("No such key: monitoring", Error("object.spec.monitoring == null"), StringComparison.Ordinal);
        Assert.Contains("No such key: missing", Error("object.metadata.labels['missing'] == 'x'"), StringComparison.Ordinal);
        Assert.Contains("index out of bounds", Error("object.spec.containers[2].name == 'x'"), StringComparison.Ordinal);
    }

    [Fact]
    public void LogicalOperatorsAbsorbErrorsLikeCel()
    {
        Assert.False(True("false && object.spec.monitoring.enabled"));
        Assert.True(True("object.spec.monitoring.enabled || true"));
        Assert.Contains("No such key", Error("true && object.spec.monitoring.enabled"), StringComparison.Ordinal);
    }

    [Fact]
    public void TernaryAndBind() =>
        Assert.True(True("cel.bind(n, object.spec.instances, n > 1 ? 'ha' : 'single') == 'ha'"));

    [Fact]
    public void IntegerOverflowAndDivisionByZeroAreErrors()
    {
        Assert.Contains("overflow", Error("9223372036854775807 + object.spec.instances > 0"), StringComparison.Ordinal);
        Assert.Contains("division by zero", Error("object.spec.instances / 0 > 0"), StringComparison.Ordinal);
    }

    [Fact]
    public void MixedTypeListLiteralsAreRejected() =>
        Assert.Contains("heterogeneous_list_element", Error("[1, 'a'].size() == 2"), StringComparison.Ordinal);

    [Fact]
    public void MapEqualityIsStructural() =>
        Assert.True(True("object.metadata.labels == {'tier': 'db', 'app.kubernetes.io/name': 'linkding'}"));
}
