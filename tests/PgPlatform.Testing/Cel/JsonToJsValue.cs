using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;

namespace PgPlatform.Testing.Cel;

/// <summary>
/// Converts System.Text.Json trees to the JavaScript values cel-js reads as CEL values: a JSON
/// integer becomes a BigInt (CEL <c>int</c>), any other number a JS number (CEL <c>double</c>),
/// objects JS <c>Map</c>s (CEL maps), arrays JS arrays (CEL lists).
/// </summary>
/// <remarks>
/// Whether a number is an integer is decided by its JSON text (no fraction, no exponent), which is
/// what the API server does for fields whose schema says <c>integer</c>; a field declared
/// <c>number</c> that holds <c>3</c> is a double there but an int here. A value built from a CLR
/// <c>double</c>/<c>float</c>/<c>decimal</c> stays a double even when integral, because its JSON
/// text (<c>3</c>) would otherwise silently turn it into an int. Objects become Maps rather than plain
/// JS objects because cel-js recognises a plain object as a map by its <c>constructor</c> property,
/// which a JSON key named <c>constructor</c> would shadow.
/// </remarks>
internal static class JsonToJsValue
{
    public static JsValue Convert(Engine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonObject obj => ConvertObject(engine, obj),
        JsonArray array => new JsArray(engine, array.Select(item => Convert(engine, item)).ToArray()),
        JsonValue value => ConvertValue(value),
        _ => throw new InvalidOperationException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static JsMap ConvertObject(Engine engine, JsonObject obj)
    {
        var result = engine.Intrinsics.Map.Construct();
        foreach (var (name, value) in obj)
        {
            result.Set(new JsString(name), Convert(engine, value));
        }

        return result;
    }

    private static JsValue ConvertValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return ConvertElement(element);
        }

        if (value.TryGetValue<double>(out var d))
        {
            return JsNumber.Create(d);
        }

        if (value.TryGetValue<float>(out var f))
        {
            return JsNumber.Create(f);
        }

        if (value.TryGetValue<decimal>(out var m))
        {
            return JsNumber.Create((double)m);
        }

        // Other CLR-backed values (ints, strings, bools, enums...) go through their JSON text so
        // they convert exactly like the same value parsed from a file.
        using var document = JsonDocument.Parse(value.ToJsonString());
        return ConvertElement(document.RootElement);
    }

    private static JsValue ConvertElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => JsValue.Null,
        JsonValueKind.True => JsBoolean.True,
        JsonValueKind.False => JsBoolean.False,
        JsonValueKind.String => new JsString(element.GetString()!),
        JsonValueKind.Number => ConvertNumber(element.GetRawText()),
        _ => throw new InvalidOperationException($"Unexpected JSON value kind {element.ValueKind}."),
    };

    private static JsValue ConvertNumber(string text)
    {
        if (text.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            return new JsBigInt(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        return JsNumber.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
