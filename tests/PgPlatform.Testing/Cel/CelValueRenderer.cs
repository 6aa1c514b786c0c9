using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;

namespace PgPlatform.Testing.Cel;

/// <summary>
/// Renders a cel-js result in CEL-like notation for test messages, keeping int (<c>3</c>) and double
/// (<c>3.0</c>) apart since that difference is what most int/double mix-ups come down to.
/// </summary>
internal static class CelValueRenderer
{
    private const int MaxDepth = 32;

    // Non-ASCII text stays readable in test output instead of turning into \u escapes.
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(Engine engine, JsValue value)
    {
        var builder = new StringBuilder();
        Append(builder, engine.Intrinsics.Object.PrototypeObject, value, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ObjectInstance objectPrototype, JsValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            builder.Append('…');
            return;
        }

        switch (value)
        {
            case JsBigInt bigInt:
                builder.Append(bigInt.ToString());
                break;
            case JsNumber number:
                builder.Append(RenderDouble(number.AsNumber()));
                break;
            case JsString:
                builder.Append(Quote(value.AsString()));
                break;
            case JsBoolean:
                builder.Append(value.AsBoolean() ? "true" : "false");
                break;
            case JsNull:
                builder.Append("null");
                break;
            case JsUndefined:
                builder.Append("undefined");
                break;
            case JsArray array:
                AppendList(builder, objectPrototype, array, depth);
                break;
            case JsMap map:
                AppendMap(builder, objectPrototype, map, depth);
                break;
            case ObjectInstance obj when IsPlainObject(obj, objectPrototype):
                AppendObject(builder, objectPrototype, obj, depth);
                break;
            default:
                // Optionals, uints, bytes, timestamps, types: their own toString is the most
                // readable thing short of re-implementing each cel-js class here.
                builder.Append(SafeToString(value));
                break;
        }
    }

    private static void AppendList(StringBuilder builder, ObjectInstance objectPrototype, JsArray array, int depth)
    {
        builder.Append('[');
        var first = true;
        foreach (var item in array)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Append(builder, objectPrototype, item, depth + 1);
        }

        builder.Append(']');
    }

    private static void AppendMap(StringBuilder builder, ObjectInstance objectPrototype, JsMap map, int depth)
    {
        builder.Append('{');
        var first = true;
        foreach (var (key, item) in map)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            Append(builder, objectPrototype, key, depth + 1);
            builder.Append(": ");
            Append(builder, objectPrototype, item, depth + 1);
        }

        builder.Append('}');
    }

    // cel-js builds map literals ({'a': 1}) as plain objects, while inputs arrive as Maps.
    private static void AppendObject(StringBuilder builder, ObjectInstance objectPrototype, ObjectInstance obj, int depth)
    {
        builder.Append('{');
        var first = true;
        foreach (var key in obj.GetOwnPropertyKeys(Types.String))
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            builder.Append(Quote(key.AsString())).Append(": ");
            Append(builder, objectPrototype, obj.Get(key), depth + 1);
        }

        builder.Append('}');
    }

    private static bool IsPlainObject(ObjectInstance obj, ObjectInstance objectPrototype)
    {
        var prototype = obj.Prototype;
        return prototype is null || ReferenceEquals(prototype, objectPrototype);
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text, QuoteOptions);

    private static string RenderDouble(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(d) && text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text;
    }

    private static string SafeToString(JsValue value)
    {
        try
        {
            return TypeConverter.ToString(value);
        }
        catch (JavaScriptException)
        {
            return $"<{value.Type}>";
        }
    }
}
