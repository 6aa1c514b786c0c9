namespace PgPlatform.Components.Rbac;

/// <summary>One <c>matchExpressions</c> entry of a label selector.</summary>
/// <param name="Key">The label key.</param>
/// <param name="Operator">One of <c>In</c>, <c>NotIn</c>, <c>Exists</c>, <c>DoesNotExist</c>.</param>
/// <param name="Values">The values for <c>In</c> and <c>NotIn</c>.</param>
internal sealed record LabelRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    /// <summary>True when the requirement holds for <paramref name="labels"/>; <c>NotIn</c> also holds when the key is absent.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => present && Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !present || !Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => present,
            _ => !present,
        };
    }
}
