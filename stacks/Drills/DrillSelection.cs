
namespace PgPlatform.Stacks.Drills;

/// <summary>Parses <c>--drill</c> and <c>--fault</c> together: a fault must affect a selected drill, so that it cannot yield a pass.</summary>
public static class DrillSelection
{
    /// <summary>Parses; returns an error message, or null with <paramref name="drills"/> (in run order) and <paramref name="fault"/> set.</summary>
    public static string? Parse(string drillList, string? faultName, out IReadOnlyList<DrillKind> drills, out Fault fault)
    {
        drills = [];
        fault = Fault.None;
        var names = drillList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => DrillNames.ParseDrill(n) is null).ToList();
        if (unknown.Count > 0)
        {
            return $"unknown drill(s): {string.Join(", ", unknown)}; choose from {string.Join(", ", DrillNames.AllDrills.Select(DrillNames.Name))}";
        }

        if (names.Length == 0)
        {
            return "--drill names no drill";
        }

        var selected = names.Select(n => DrillNames.ParseDrill(n)!.Value).ToHashSet();
        drills = [.. DrillNames.AllDrills.Where(selected.Contains)];
        if (faultName is not null)
        {
            fault = DrillNames.ParseFault(faultName) ?? Fault.None;
            var affected = DrillNames.Affected(fault);
            if (!affected.Any(selected.Contains))
            {
                return $"fault {faultName} affects {string.Join(" and ", affected.Select(DrillNames.Name))}; select one of them with --drill";
            }
        }

        return null;
    }
}
