namespace PgPlatform.Stacks.Drills;

/// <summary>Command-line and evidence names of drills and faults, and which drills each fault affects.</summary>
public static class DrillNames
{
    /// <summary>Every drill in run order.</summary>
    public static readonly IReadOnlyList<DrillKind> AllDrills = Enum.GetValues<DrillKind>();

    /// <summary>
    /// The drills a run performs when <c>--drill</c> is not given: every one but <see cref="DrillKind.Alerts"/>, which
    /// waits out the rules' declared <c>for</c> durations (about 12 minutes) and is asked for by name.
    /// </summary>
    public static readonly IReadOnlyList<DrillKind> DefaultDrills = [.. AllDrills.Where(d => d != DrillKind.Alerts)];

    /// <summary>The drill's name (<c>failover</c>, <c>restore</c>, <c>rotation</c>, <c>backup</c>, <c>alerts</c>).</summary>
    public static string Name(DrillKind drill) => drill.ToString().ToLowerInvariant();

    /// <summary>The fault's name (<c>none</c>, <c>wal-gap</c>, <c>object-store-down</c>, <c>wrong-credentials</c>, <c>kill-patroni</c>, <c>stale-client</c>).</summary>
    public static string Name(Fault fault) => fault switch
    {
        Fault.None => "none",
        Fault.WalGap => "wal-gap",
        Fault.ObjectStoreDown => "object-store-down",
        Fault.WrongCredentials => "wrong-credentials",
        Fault.KillPatroni => "kill-patroni",
        Fault.StaleClient => "stale-client",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>Every fault name a command line accepts.</summary>
    public static IReadOnlyList<string> FaultNames => [.. Enum.GetValues<Fault>().Where(f => f != Fault.None).Select(Name)];

    /// <summary>Parses a drill name; null if unknown.</summary>
    public static DrillKind? ParseDrill(string name) => AllDrills.Cast<DrillKind?>().FirstOrDefault(d => Name(d!.Value) == name.Trim().ToLowerInvariant());

    /// <summary>Parses a fault name; null if unknown.</summary>
    public static Fault? ParseFault(string name) => Enum.GetValues<Fault>().Cast<Fault?>().FirstOrDefault(f => Name(f!.Value) == name.Trim().ToLowerInvariant());

    /// <summary>The drills a fault breaks; a run with the fault must include at least one, so that it cannot pass.</summary>
    public static IReadOnlyList<DrillKind> Affected(Fault fault) => fault switch
    {
        Fault.None => [],
        Fault.WalGap or Fault.ObjectStoreDown or Fault.WrongCredentials => [DrillKind.Restore, DrillKind.Backup],
        Fault.KillPatroni => [DrillKind.Failover],
        Fault.StaleClient => [DrillKind.Rotation],
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    /// <summary>
    /// Why <paramref name="fault"/>, once injected, leaves the target unfit for every later drill of the run; null when
    /// it heals when its drill ends (object-store-down, wrong-credentials) or harms only the drills it affects (wal-gap).
    /// </summary>
    public static string? LeavesTargetUnfit(Fault fault) => fault == Fault.KillPatroni
        ? "its primary's PostgreSQL runs on without Patroni while another member was promoted (a split brain nothing heals), so a later drill would fail for that, not for what it checks"
        : null;
}
