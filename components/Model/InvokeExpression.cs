namespace PgPlatform.Components.Model;

/// <summary>A provider function call (<c>fn::invoke</c>) whose result property <see cref="Return"/> is used as a value.</summary>
public sealed record InvokeExpression(string Function, string Return)
{
    /// <summary>Arguments of the call.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; init; } = new Dictionary<string, object?>();
}
