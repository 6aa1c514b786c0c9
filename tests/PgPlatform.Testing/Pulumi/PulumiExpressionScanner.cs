using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PgPlatform.Testing.Pulumi;

/// <summary>
/// Walks program values and reports references to undeclared names (<c>${nope.id}</c>) and calls of
/// unknown functions (<c>fn::invoke</c> and its <c>fn::pkg:mod:name</c> shorthand, other <c>fn::</c> built-ins).
/// </summary>
internal sealed partial class PulumiExpressionScanner(PulumiSchemaCatalog catalog, IReadOnlySet<string> declaredNames)
{
    /// <summary>Scans a value and everything inside it.</summary>
    /// <param name="node">The value.</param>
    /// <param name="path">Where the value is in the program, for messages.</param>
    /// <param name="errors">Receives one line per problem.</param>
    public void Scan(JsonNode? node, string path, List<string> errors)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                ScanString(text, path, errors);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Scan(array[i], $"{path}[{i}]", errors);
                }

                break;
            case JsonObject call when call.Count == 1 && IsFunctionKey(call.First().Key):
                var (function, argument) = call.First();
                ScanFunction(function, argument, $"{path}.{function}", errors);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Scan(value, $"{path}.{key}", errors);
                }

                break;
        }
    }

    /// <summary>Whether an object key calls a function (Pulumi YAML treats a single <c>fn::</c> key as an expression).</summary>
    public static bool IsFunctionKey(string key) => key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase);

    private void ScanFunction(string key, JsonNode? argument, string path, List<string> errors)
    {
        var name = key.ToLowerInvariant();
        if (name == "fn::invoke")
        {
            var function = argument?["function"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (function is null)
            {
                errors.Add($"{path}: fn::invoke needs a 'function' token");
            }
            else if (!catalog.IsKnownFunction(function))
            {
                errors.Add($"{path}: unknown function \"{function}\"");
            }

            Scan(argument?["arguments"], $"{path}.arguments", errors);
            Scan(argument?["options"], $"{path}.options", errors);
        }
        else if (PulumiYamlSyntax.BuiltinFunctions.Contains(name))
        {
            Scan(argument, path, errors);
        }
        else if (ShorthandInvoke().IsMatch(key))
        {
            var function = key["fn::".Length..];
            if (!catalog.IsKnownFunction(function))
            {
                errors.Add($"{path}: unknown function \"{function}\"");
            }

            Scan(argument, path, errors);
        }
        else
        {
            errors.Add($"{path}: unknown built-in function \"{key}\"");
        }
    }

    private void ScanString(string text, string path, List<string> errors)
    {
        var expressions = PulumiInterpolation.Expressions(text, out var unterminated);
        foreach (var expression in expressions)
        {
            var root = PulumiInterpolation.RootName(expression);
            if (root == "pulumi")
            {
                var property = PulumiInterpolation.FirstProperty(expression);
                if (property is null || !PulumiYamlSyntax.PulumiVariableProperties.Contains(property))
                {
                    errors.Add($"{path}: ${{{expression}}} is not a property of the pulumi variable " +
                               $"({string.Join(", ", PulumiYamlSyntax.PulumiVariableProperties)})");
                }
            }
            else if (!declaredNames.Contains(root))
            {
                errors.Add($"{path}: ${{{expression}}} refers to \"{root}\", which is not a declared resource, variable or config value");
            }
        }

        if (unterminated)
        {
            errors.Add($"{path}: unterminated interpolation in \"{text}\" (write $$ for a literal $)");
        }
    }

    // fn::<package>:<module>[:<name>] is shorthand for fn::invoke of that function token.
    [GeneratedRegex("^fn::[^:]+:[^:]+(:[^:]+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShorthandInvoke();
}
