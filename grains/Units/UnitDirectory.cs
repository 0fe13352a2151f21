namespace Dispatch.Units;

/// <summary>A service unit as an item needs to know it: its kind, its area, whether it takes work and its routing share.</summary>
/// <param name="Share">Its share of the work when several units of its kind serve its area (1 to <see cref="UnitInfo.MaxShare"/>).</param>
public sealed record UnitInfo(string Code, string Kind, string AreaCode, bool Active, int Share = 1)
{
    public const int MaxShare = 100;
}

/// <summary>
/// Finds service units: by code, or the unit of a kind that serves an area. It answers from this silo's memory, which
/// <see cref="UnitFeed"/> loads before the silo takes calls and keeps equal to the units table; no lookup reads the
/// database.
/// </summary>
public sealed class UnitDirectory
{
    private volatile UnitSet? units;

    /// <summary>The units as last loaded.</summary>
    public UnitSet Units => units ?? throw new InvalidOperationException("The unit directory was read before its first load (UnitFeed loads it at silo start-up).");

    /// <summary>Holds <paramref name="loaded"/> from now on; false when it equals what is held already.</summary>
    public bool Apply(UnitSet loaded)
    {
        if (units is { } held && held.SameAs(loaded))
        {
            return false;
        }
        units = loaded;
        return true;
    }

    public UnitInfo? Find(string? code) => Units.Find(code);

    /// <summary>The active unit of this kind in the area; with several, the first by code (for kinds an area has one of).</summary>
    public UnitInfo? Serving(string areaCode, string kind) => Units.Serving(areaCode, kind);

    /// <summary>Every active unit of this kind in the area, by code; <see cref="Routing.UnitPicker"/> chooses among them.</summary>
    public IReadOnlyList<UnitInfo> Candidates(string areaCode, string kind) => Units.Candidates(areaCode, kind);

    public Task<UnitInfo?> FindAsync(string? code) => Task.FromResult(Find(code));

    public Task<UnitInfo?> ServingAsync(string areaCode, string kind) => Task.FromResult(Serving(areaCode, kind));
}
