using Jint.Native;

namespace PgPlatform.Testing.Cel;

/// <summary>A parsed cel-js program (callable with a variables object), or why parsing failed.</summary>
internal sealed record CompiledCelExpression(JsValue? Program, string? Error);
