namespace PgPlatform.Testing.Cel;

/// <summary>
/// Outcome of evaluating one CEL expression with <see cref="CelEvaluator"/>. Exactly one of
/// <see cref="Error"/> and <see cref="Display"/> is set.
/// </summary>
/// <param name="Value">The result when it is a CEL <c>bool</c>; null when the result is another type or evaluation failed.</param>
/// <param name="Error">
/// The parse, type or evaluation error (for example <c>EvaluationError: No such key: backup</c>), or null on success.
/// For a ValidatingAdmissionPolicy validation an error means the request is rejected or, with
/// <c>failurePolicy: Ignore</c>, let through; it is never the same as <c>false</c>.
/// </param>
/// <param name="Display">
/// The result rendered in CEL-like notation (<c>3</c> for an int, <c>3.0</c> for a double, <c>"x"</c>,
/// <c>[1, 2]</c>, <c>{"k": true}</c>), kept for every successful evaluation so non-bool results can be inspected.
/// </param>
public sealed record CelResult(bool? Value, string? Error, string? Display)
{
    /// <summary>True when the expression evaluated without error (to any type).</summary>
    public bool Succeeded => Error is null;

    /// <summary>True only when the expression evaluated to the bool <c>true</c>: how a VAP validation passes.</summary>
    public bool IsTrue => Value == true;

    /// <inheritdoc />
    public override string ToString() => Error is null ? $"ok: {Display}" : $"error: {Error}";
}
