using System.Text.Json;
using System.Text.Json.Serialization;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Writes string-keyed dictionaries with their keys in ordinal order and without null values, as
/// <see cref="CanonicalJson"/> orders every nested object, so that serialized objects are canonical as
/// written. Write-only: <see cref="CanonicalJson"/> never reads with its options.
/// </summary>
internal sealed class OrdinalDictionaryConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => ValueTypeOf(typeToConvert) is not null;

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<,>).MakeGenericType(typeToConvert, ValueTypeOf(typeToConvert)!))!;

    /// <summary>The value type of a string-keyed dictionary type, or null for any other type.</summary>
    private static Type? ValueTypeOf(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            && type.GetGenericArguments() is [var key, var value] && key == typeof(string))
        {
            return value;
        }

        return null;
    }

    private sealed class Converter<TDictionary, TValue> : JsonConverter<TDictionary>
        where TDictionary : IEnumerable<KeyValuePair<string, TValue>>
    {
        public override TDictionary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("canonical serialization is write-only");

        public override void Write(Utf8JsonWriter writer, TDictionary value, JsonSerializerOptions options)
        {
            // Sorted by key, then by place (as a stable sort would: a key policy may map two keys to one name).
            var policy = options.DictionaryKeyPolicy;
            var entries = new List<(string Key, int Index, TValue Value)>();
            foreach (var (key, item) in value)
            {
                if (item is not null)
                {
                    entries.Add((policy?.ConvertName(key) ?? key, entries.Count, item));
                }
            }

            entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.Index.CompareTo(b.Index));
            writer.WriteStartObject();
            foreach (var (key, _, item) in entries)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndObject();
        }
    }
}
