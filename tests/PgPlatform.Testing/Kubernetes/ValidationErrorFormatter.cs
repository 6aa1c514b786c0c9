using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace PgPlatform.Testing.Kubernetes;

/// <summary>Turns NJsonSchema's error tree into flat <c>field.path: what is wrong</c> lines.</summary>
internal static class ValidationErrorFormatter
{
    public static IEnumerable<string> Format(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            foreach (var line in FormatOne(error))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> FormatOne(ValidationError error)
    {
        switch (error)
        {
            case ChildSchemaValidationError child when error.Kind is ValidationErrorKind.ArrayItemNotValid
                or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf:
                // These only say "something inside failed"; the inner errors carry the real story.
                return child.Errors.Values.SelectMany(Format);
            case MultiTypeValidationError multi:
                var types = string.Join(" or ", multi.Errors.Keys.Select(TypeName));
                return [Line(error, $"expected {types}, got {Describe(error.Token)}")];
            default:
                return [Line(error, Message(error))];
        }
    }

    private static string Line(ValidationError error, string message)
    {
        // NJsonSchema writes paths as JSON-pointer-ish "#/spec.instances"; people read "spec.instances".
        var path = (error.Path ?? string.Empty).TrimStart('#', '/');
        return $"{(path.Length == 0 ? "(root)" : path)}: {message}";
    }

    private static string Message(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.StringExpected => $"expected string, got {Describe(error.Token)}",
            ValidationErrorKind.IntegerExpected => $"expected integer, got {Describe(error.Token)}",
            ValidationErrorKind.NumberExpected => $"expected number, got {Describe(error.Token)}",
            ValidationErrorKind.BooleanExpected => $"expected boolean, got {Describe(error.Token)}",
            ValidationErrorKind.ObjectExpected => $"expected object, got {Describe(error.Token)}",
            ValidationErrorKind.ArrayExpected => $"expected array, got {Describe(error.Token)}",
            ValidationErrorKind.PropertyRequired => "required field is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "unknown field",
            ValidationErrorKind.PatternMismatch => $"{Describe(error.Token)} does not match pattern {schema?.Pattern}",
            ValidationErrorKind.StringTooShort => $"{Describe(error.Token)} is shorter than {schema?.MinLength} characters",
            ValidationErrorKind.StringTooLong => $"{Describe(error.Token)} is longer than {schema?.MaxLength} characters",
            ValidationErrorKind.NumberTooSmall => $"{Describe(error.Token)} is less than the minimum {Number(schema?.Minimum ?? schema?.ExclusiveMinimum)}",
            ValidationErrorKind.NumberTooBig => $"{Describe(error.Token)} is more than the maximum {Number(schema?.Maximum ?? schema?.ExclusiveMaximum)}",
            ValidationErrorKind.TooFewItems => $"has fewer than {schema?.MinItems} items",
            ValidationErrorKind.TooManyItems => $"has more than {schema?.MaxItems} items",
            ValidationErrorKind.TooFewProperties => $"has fewer than {schema?.MinProperties} entries",
            ValidationErrorKind.TooManyProperties => $"has more than {schema?.MaxProperties} entries",
            ValidationErrorKind.NotInEnumeration =>
                $"{Describe(error.Token)} is not one of [{string.Join(", ", schema?.Enumeration.Select(v => v?.ToString()) ?? [])}]",
            ValidationErrorKind.DateTimeExpected => $"{Describe(error.Token)} is not an RFC 3339 date-time",
            ValidationErrorKind.Base64Expected => $"{Describe(error.Token)} is not base64-encoded data",
            ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf => "matches none of the allowed shapes",
            _ => error.Kind.ToString(),
        };
    }

    private static string TypeName(JsonObjectType type) => type.ToString().ToLowerInvariant();

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Describe(JToken? token) => token?.Type switch
    {
        null or JTokenType.Null => "null",
        JTokenType.String => $"string \"{Truncate(token.Value<string>() ?? string.Empty)}\"",
        JTokenType.Integer or JTokenType.Float => $"number {token.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Boolean => $"boolean {token.ToString(Newtonsoft.Json.Formatting.None)}",
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
