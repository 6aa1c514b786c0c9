namespace PgPlatform.Testing.Cel;

/// <summary>
/// UTF-8 <c>TextEncoder</c>/<c>TextDecoder</c> for Jint, which has neither (they are web/Node APIs,
/// not ECMAScript). cel-js constructs both when its module loads and uses them for CEL
/// <c>bytes</c> (<c>bytes("x")</c>, <c>string(b"..")</c>, <c>size(b"..")</c>), so the import fails without them.
/// </summary>
internal static class TextEncodingShim
{
    /// <summary>Script to run on the engine before importing cel-js; defines the two globals if missing.</summary>
    public const string Script = """
        (() => {
          if (typeof globalThis.TextEncoder === 'undefined') {
            globalThis.TextEncoder = class TextEncoder {
              get encoding() { return 'utf-8' }
              encode(input = '') {
                const s = String(input)
                const out = []
                for (let i = 0; i < s.length; i++) {
                  let c = s.charCodeAt(i)
                  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
                    const d = s.charCodeAt(i + 1)
                    if (d >= 0xdc00 && d <= 0xdfff) {
                      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
                      i++
                    } else {
                      c = 0xfffd
                    }
                  } else if (c >= 0xd800 && c <= 0xdfff) {
                    c = 0xfffd
                  }
                  if (c < 0x80) out.push(c)
                  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
                  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
                  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
                }
                return new Uint8Array(out)
              }
            }
          }
          if (typeof globalThis.TextDecoder === 'undefined') {
            globalThis.TextDecoder = class TextDecoder {
              get encoding() { return 'utf-8' }
              decode(input) {
                if (input === undefined) return ''
                const b = input instanceof Uint8Array ? input : new Uint8Array(input.buffer ?? input)
                let s = ''
                let i = 0
                while (i < b.length) {
                  const lead = b[i]
                  let cp
                  let n
                  if (lead < 0x80) { cp = lead; n = 0 }
                  else if (lead >= 0xc2 && lead < 0xe0) { cp = lead & 31; n = 1 }
                  else if (lead >= 0xe0 && lead < 0xf0) { cp = lead & 15; n = 2 }
                  else if (lead >= 0xf0 && lead < 0xf5) { cp = lead & 7; n = 3 }
                  else { s += '\ufffd'; i++; continue }
                  let j = 1
                  while (j <= n && i + j < b.length && (b[i + j] & 0xc0) === 0x80) {
                    cp = (cp << 6) | (b[i + j] & 63)
                    j++
                  }
                  const overlong = (n === 2 && cp < 0x800) || (n === 3 && cp < 0x10000)
                  const invalid = (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff
                  if (j <= n || overlong || invalid) { s += '\ufffd'; i += j; continue }
                  s += String.fromCodePoint(cp)
                  i += n + 1
                }
                return s
              }
            }
          }
        })()
        """;
}
