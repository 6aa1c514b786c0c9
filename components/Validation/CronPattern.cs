using System.Text;

namespace PgPlatform.Components.Validation;

/// <summary>
/// A regular expression (RE2 syntax, as CEL's <c>matches</c> takes it) accepting exactly the six-field schedules whose
/// every field is in range, generated from <see cref="CronField.Fields"/>: so the admission policy refuses
/// <c>99 99 99 * * *</c> as the synth-time validator (<see cref="CnpgSchedule.Explain"/>) does, from the same bounds.
/// What a pattern cannot see (a range that ends before it starts, a date that never comes, the tier's shortest
/// interval) stays with the synth-time and CI gates.
/// </summary>
public static class CronPattern
{
    /// <summary>The whole schedule: a descriptor, <c>@every</c> a duration, or six in-range fields.</summary>
    public static string Schedule { get; } = Build();

    /// <summary>One field of <see cref="CronField.Fields"/>: a comma list of <c>*</c>, <c>?</c>, values or ranges, each with an optional positive step.</summary>
    public static string Field(int index)
    {
        var (_, min, max, names) = CronField.Fields[index];
        var value = $"(0*({Numbers(min, max)}){(names is null ? "" : "|" + string.Join("|", names.Select(AnyCase)))})";
        var item = $"(\\*|\\?|{value}(-{value})?)(/0*[1-9][0-9]*)?";
        return $"{item}(,{item})*";
    }

    /// <summary>The numbers <paramref name="min"/> to <paramref name="max"/> (at most 99) as alternatives, without leading zeros.</summary>
    public static string Numbers(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(max, 99);
        var parts = new List<string>();
        if (min <= 9)
        {
            parts.Add(Digits(min, Math.Min(9, max)));
        }

        for (var tens = Math.Max(1, min / 10); tens <= max / 10; tens++)
        {
            var low = Math.Max(min, tens * 10);
            var high = Math.Min(max, (tens * 10) + 9);
            if (low <= high)
            {
                parts.Add($"{tens}{Digits(low % 10, high % 10)}");
            }
        }

        return string.Join("|", parts);
    }

    private static string Digits(int low, int high) => low == high ? $"{low}" : $"[{low}-{high}]";

    // robfig/cron compares names case-insensitively; CEL's RE2 has (?i), but a class per letter reads the same in every engine.
    private static string AnyCase(string name) =>
        string.Concat(name.Select(c => char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : $"{c}"));

    private static string Build()
    {
        var fields = new StringBuilder();
        for (var i = 0; i < CronField.Fields.Count; i++)
        {
            fields.Append(i == 0 ? "" : "\\s+").Append('(').Append(Field(i)).Append(')');
        }

        return $"^\\s*(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every \\S+|{fields})\\s*$";
    }
}
