using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using PgPlatform.Testing.Kubernetes;

namespace PgPlatform.Testing.Cel;

/// <summary>
/// Evaluates CEL expressions with the npm package <c>@marcbachmann/cel-js</c> (installed by
/// <c>scripts/install-prereqs.sh</c>) running in Jint, so tests can check that a rendered
/// ValidatingAdmissionPolicy expression and its C# counterpart agree on the same fixtures.
/// </summary>
/// <remarks>
/// <para>
/// The cel-js environment is set up like the Kubernetes base environment: optional types on,
/// homogeneous aggregate literals, undeclared variables dynamic. Each distinct expression is parsed
/// once and cached (cel-js also memoizes its type check on the parsed tree). One Jint engine serves
/// all callers under a lock, since Jint is not thread-safe.
/// </para>
/// <para>What cel-js 8.0.0 does with Kubernetes CEL, pinned by <c>CelFeatureMatrixTests</c> and <c>CelKnownDifferencesTests</c>:</para>
/// <list type="bullet">
/// <item>Same as Kubernetes: <c>has()</c>; <c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>filter</c>,
/// <c>map</c> (2 and 3 arguments), over lists and over map keys; <c>size()</c> (strings in code points);
/// <c>in</c> on lists and map keys; <c>startsWith</c>, <c>endsWith</c>, <c>contains</c>; <c>matches</c>
/// (unanchored search, like RE2, for the common subset of patterns); <c>split</c>, <c>lowerAscii</c>,
/// <c>upperAscii</c>, <c>indexOf</c>, <c>lastIndexOf</c>, <c>substring</c>, <c>trim</c>, <c>join</c>;
/// <c>m['any/key']</c>; <c>int()</c>, <c>uint()</c>, <c>double()</c>, <c>string()</c>; <c>&lt;</c>,
/// <c>&gt;</c> across int, uint and double, and <c>==</c> across them for (dynamic) values from the object;
/// <c>.?field</c> and <c>[?key]</c> with <c>orValue</c>, <c>hasValue</c>, <c>value</c>; <c>cel.bind</c>;
/// structural map equality.</item>
/// <item>Errors, as in Kubernetes (where a validation error rejects the request, never reads as
/// false): a missing map key (<c>No such key: backup</c>, even in <c>x.missing == null</c>), an index out
/// of bounds, int overflow, division by zero, int/double or int/uint arithmetic, mixed-type list or
/// map literals, <c>1 == 1u</c> between literals, and <c>a?.b</c>, which is not CEL syntax (it is
/// <c>a.?b</c>). <c>&amp;&amp;</c>/<c>||</c> absorb an error when the other side decides the result.</item>
/// <item>Different: <c>lowerAscii</c>/<c>upperAscii</c> also change non-ASCII letters; regexes use the
/// JavaScript dialect, so inline flags (<c>(?i)</c>) are an error, POSIX classes, <c>\pL</c> and
/// <c>.</c> on an astral character silently fail to match, and backreferences and lookaround are
/// accepted; two-variable comprehensions (<c>all(k, v, ...)</c>, <c>transformMap</c>) are missing, as
/// are the Kubernetes libraries (quantity, url, ip/cidr, format, the lists functions
/// <c>isSorted</c>/<c>sum</c>/<c>min</c>/<c>max</c>/<c>indexOf</c>, sets, semver) and
/// <c>charAt</c>/<c>replace</c>/<c>strings.quote</c>: each fails with <c>no_matching_overload</c>;
/// an unknown variable is an error only when evaluation reaches it (Kubernetes rejects it at
/// creation).</item>
/// </list>
/// <para>
/// Numbers: a JSON integer (no fraction or exponent in its text) becomes a CEL <c>int</c> and any other
/// number a <c>double</c>, whereas the API server types a value by the field's schema; a value built
/// from a CLR <c>double</c>, <c>float</c> or <c>decimal</c> is always a <c>double</c>.
/// </para>
/// </remarks>
public sealed class CelEvaluator
{
    /// <summary>Environment variable that, when set, names the cel-js package directory (the one holding <c>lib/index.js</c>).</summary>
    public const string EnvironmentVariable = "PGP_CEL_JS";

    private const string EntryPoint = "lib/index.js";

    private static readonly Lazy<CelEvaluator> LazyShared = new(
        () => Load(DefaultPackageDirectory), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lock _gate = new();
    private readonly Engine _engine;
    private readonly ObjectInstance _environment;
    private readonly JsValue _parse;
    private readonly Dictionary<string, CompiledCelExpression> _compiled = new(StringComparer.Ordinal);

    private CelEvaluator(Engine engine, ObjectInstance environment)
    {
        _engine = engine;
        _environment = environment;
        _parse = environment.Get("parse");
    }

    /// <summary>The process-wide evaluator, loaded from <see cref="DefaultPackageDirectory"/> on first use.</summary>
    /// <exception cref="FileNotFoundException">cel-js is not installed there.</exception>
    public static CelEvaluator Shared => LazyShared.Value;

    /// <summary>
    /// Where cel-js is looked for: <see cref="EnvironmentVariable"/> if set, else
    /// <c>&lt;repo&gt;/.tools/cel-js/package</c>, where <c>scripts/install-prereqs.sh</c> puts it.
    /// </summary>
    public static string DefaultPackageDirectory
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(overridden)
                ? Path.Combine(SharedSchemas.RepoRoot, ".tools", "cel-js", "package")
                : Path.GetFullPath(overridden);
        }
    }

    /// <summary>Loads cel-js from a package directory (the one holding <c>package.json</c> and <c>lib/index.js</c>) into a new engine.</summary>
    /// <param name="celJsPackageDir">The unpacked <c>@marcbachmann/cel-js</c> package.</param>
    /// <exception cref="FileNotFoundException"><c>lib/index.js</c> does not exist there.</exception>
    public static CelEvaluator Load(string celJsPackageDir)
    {
        var packageDir = Path.GetFullPath(celJsPackageDir);
        if (!File.Exists(Path.Combine(packageDir, EntryPoint)))
        {
            throw new FileNotFoundException(
                $"cel-js is not installed: '{Path.Combine(packageDir, EntryPoint)}' does not exist. " +
                $"Run 'bash scripts/install-prereqs.sh' from the repository root, or set {EnvironmentVariable} " +
                "to an unpacked @marcbachmann/cel-js package directory.",
                Path.Combine(packageDir, EntryPoint));
        }

        var engine = new Engine(options => options.EnableModules(packageDir));
        engine.Execute(TextEncodingShim.Script);
        var module = engine.Modules.Import("./" + EntryPoint);

        var settings = new JsObject(engine);
        settings.CreateDataProperty("unlistedVariablesAreDyn", JsBoolean.True);
        settings.CreateDataProperty("enableOptionalTypes", JsBoolean.True);
        settings.CreateDataProperty("homogeneousAggregateLiterals", JsBoolean.True);
        var environment = engine.Construct(module.Get("Environment"), settings);

        return new CelEvaluator(engine, environment);
    }

    /// <summary>Evaluates an expression with the given variables (JSON trees, converted as described on <see cref="CelEvaluator"/>).</summary>
    /// <param name="expression">The CEL expression.</param>
    /// <param name="variables">Variable name to value; a null value is CEL <c>null</c>.</param>
    /// <returns>The result, or the parse or evaluation error; never throws for a CEL error.</returns>
    public CelResult Evaluate(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);

        lock (_gate)
        {
            var compiled = Compile(expression);
            if (compiled.Error is not null)
            {
                return new CelResult(null, compiled.Error, null);
            }

            var context = new JsObject(_engine);
            foreach (var (name, value) in variables)
            {
                context.CreateDataProperty(name, JsonToJsValue.Convert(_engine, value));
            }

            JsValue result;
            try
            {
                result = _engine.Call(compiled.Program!, JsValue.Undefined, [context]);
            }
            catch (JavaScriptException ex)
            {
                return new CelResult(null, Describe(ex), null);
            }

            return new CelResult(result is JsBoolean ? result.AsBoolean() : null, null, CelValueRenderer.Render(_engine, result));
        }
    }

    /// <summary>
    /// Evaluates a ValidatingAdmissionPolicy validation expression for a CREATE of <paramref name="obj"/>:
    /// <c>object</c> is the object, <c>oldObject</c> is null, and <c>request</c> holds <c>operation</c>
    /// (<c>"CREATE"</c>), <c>namespace</c>, <c>name</c> (empty when the object has none) and
    /// <c>kind</c> (<c>group</c>, <c>version</c>, <c>kind</c> from its apiVersion and kind).
    /// </summary>
    /// <param name="expression">The validation's expression.</param>
    /// <param name="obj">The Kubernetes object being created.</param>
    /// <returns>The result, or the parse or evaluation error.</returns>
    public CelResult EvaluateValidation(string expression, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);

        var gvk = GroupVersionKind.FromApiVersion(StringAt(obj, "apiVersion"), StringAt(obj, "kind"));
        var metadata = obj["metadata"] as JsonObject;
        var request = new JsonObject
        {
            ["operation"] = "CREATE",
            ["namespace"] = metadata is null ? string.Empty : StringAt(metadata, "namespace"),
            ["name"] = metadata is null ? string.Empty : StringAt(metadata, "name"),
            ["kind"] = new JsonObject { ["group"] = gvk.Group, ["version"] = gvk.Version, ["kind"] = gvk.Kind },
        };

        return Evaluate(expression, new Dictionary<string, JsonNode?>
        {
            ["object"] = obj,
            ["oldObject"] = null,
            ["request"] = request,
        });
    }

    private CompiledCelExpression Compile(string expression)
    {
        if (_compiled.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        CompiledCelExpression compiled;
        try
        {
            compiled = new CompiledCelExpression(_engine.Call(_parse, _environment, [expression]), null);
        }
        catch (JavaScriptException ex)
        {
            compiled = new CompiledCelExpression(null, Describe(ex));
        }

        _compiled[expression] = compiled;
        return compiled;
    }

    private static string Describe(JavaScriptException ex)
    {
        if (ex.Error is ObjectInstance error)
        {
            var name = error.Get("name");
            var code = error.Get("code");
            var prefix = code.IsString() ? $"{name} ({code})" : name.ToString();
            return $"{prefix}: {error.Get("message")}";
        }

        return ex.Message;
    }

    private static string StringAt(JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
}
