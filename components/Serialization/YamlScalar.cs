using System.Buffers;
using System.Text;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// Writes one YAML scalar string as UTF-8: plain when <see cref="YamlWriter"/>'s rules allow it, otherwise
/// double-quoted with <c>"</c>, <c>\</c> and control characters escaped. Works on the UTF-8 bytes directly, so
/// strings copied from parsed JSON are never materialized as .NET strings.
/// </summary>
internal static class YamlScalar
{
    /// <summary>Strings this long or shorter are transcoded on the stack.</summary>
    private const int StackLimit = 256;

    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    /// <summary>Appends <paramref name="value"/> (a .NET string).</summary>
    public static void Append(ArrayBufferWriter<byte> output, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(value, buffer);
        Append(output, buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends the string whose UTF-8 bytes are <paramref name="utf8"/>.</summary>
    public static void Append(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        if (IsSafePlain(utf8))
        {
            output.Write(utf8);
            return;
        }

        output.Write("\""u8);
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            switch (b)
            {
                case (byte)'"': output.Write("\\\""u8); break;
                case (byte)'\\': output.Write("\\\\"u8); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                default:
                    if (b < 0x20 || b == 0x7F)
                    {
                        AppendUnicodeEscape(output, b);
                    }
                    else if (b == 0xC2 && i + 1 < utf8.Length && utf8[i + 1] is >= 0x80 and <= 0x9F)
                    {
                        // U+0080..U+009F: control characters too (char.IsControl).
                        AppendUnicodeEscape(output, utf8[++i]);
                    }
                    else
                    {
                        Put(output, b);
                    }

                    break;
            }
        }

        output.Write("\""u8);
    }

    private static void AppendUnicodeEscape(ArrayBufferWriter<byte> output, byte code)
    {
        var span = output.GetSpan(6);
        "\\u00"u8.CopyTo(span);
        span[4] = HexDigits[code >> 4];
        span[5] = HexDigits[code & 0xF];
        output.Advance(6);
    }

    /// <summary>Appends one byte.</summary>
    public static void Put(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>The plain-scalar rule of <see cref="YamlWriter"/> over UTF-8 (a plain scalar is always ASCII).</summary>
    private static bool IsSafePlain(ReadOnlySpan<byte> value) =>
        value.Length > 0 && MatchesPlainSafe(value) && !IsAmbiguous(value)
        && value.IndexOf(": "u8) < 0 && value.IndexOf(" #"u8) < 0 && value[^1] != (byte)':';

    /// <summary>
    /// <c>^[A-Za-z0-9/._$(][A-Za-z0-9 /._:=@+$~^()&lt;&gt;*,;!%-]*(?&lt;! )$</c>: starts with a letter, digit, '/', '.',
    /// '_', '$' or '('; holds no flow or comment characters and no trailing space.
    /// </summary>
    private static bool MatchesPlainSafe(ReadOnlySpan<byte> value)
    {
        var first = value[0];
        if (!(char.IsAsciiLetterOrDigit((char)first) || first is (byte)'/' or (byte)'.' or (byte)'_' or (byte)'$' or (byte)'('))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var b = value[i];
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)' ' or (byte)'/' or (byte)'.' or (byte)'_' or (byte)':' or (byte)'=' or (byte)'@'
                or (byte)'+' or (byte)'$' or (byte)'~' or (byte)'^' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'*' or (byte)','
                or (byte)';' or (byte)'!' or (byte)'%' or (byte)'-'))
            {
                return false;
            }
        }

        return value[^1] != (byte)' ';
    }

    /// <summary><see cref="YamlWriter.IsAmbiguous"/> of an ASCII string given as bytes.</summary>
    private static bool IsAmbiguous(ReadOnlySpan<byte> ascii)
    {
        // The ambiguous words are at most five letters long.
        if (char.IsAsciiLetter((char)ascii[0]) && ascii.Length > 5)
        {
            return false;
        }

        if (ascii.Length > StackLimit)
        {
            return YamlWriter.IsAmbiguous(Encoding.ASCII.GetString(ascii));
        }

        Span<char> chars = stackalloc char[ascii.Length];
        Encoding.ASCII.GetChars(ascii, chars);
        return YamlWriter.IsAmbiguous(chars);
    }
}
