using Dispatch.Scopes;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>A scope's display names, and for a unit the county it belongs to.</summary>
public sealed record ScopeInfo(StatsScope Scope, string Name, string NameEn, string? UnitCounty);

/// <summary>
/// Names and the city -> county -> unit tree from the reference data (areas, units), cached briefly so an
/// administrator's change shows within half a minute.
/// </summary>
public sealed class ScopeDirectory(NpgsqlDataSource database, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (Tree Tree, DateTimeOffset LoadedAt)? cached;

    private sealed record Tree(
        ScopeInfo City,
        IReadOnlyList<ScopeInfo> Counties,
        IReadOnlyDictionary<string, ScopeInfo> Units,
        IReadOnlyDictionary<string, IReadOnlyList<ScopeInfo>> UnitsByCounty);

    /// <summary>The scope as known in the reference data, or null when its county or unit does not exist.</summary>
    public async Task<ScopeInfo?> FindAsync(StatsScope scope)
    {
        var tree = await TreeAsync();
        return scope.Kind switch
        {
            StatsScopeKind.City => tree.City,
            StatsScopeKind.County => tree.Counties.FirstOrDefault(c => c.Scope.Code == scope.Code),
            _ => tree.Units.GetValueOrDefault(scope.Code),
        };
    }

    /// <summary>Counties for the city (the city's own units last, as 市本级), units for a county, none for a unit.</summary>
    public async Task<IReadOnlyList<ScopeInfo>> ChildrenAsync(StatsScope scope)
    {
        var tree = await TreeAsync();
        return scope.Kind switch
        {
            StatsScopeKind.City => tree.Counties,
            StatsScopeKind.County => tree.UnitsByCounty.GetValueOrDefault(scope.Code) ?? [],
            _ => [],
        };
    }

    private async Task<Tree> TreeAsync()
    {
        var now = time.GetUtcNow();
        if (cached is { } hit && now - hit.LoadedAt < Lifetime && hit.LoadedAt <= now)
        {
            return hit.Tree;
        }
        await gate.WaitAsync();
        try
        {
            var tree = await LoadAsync();
            cached = (tree, now);
            return tree;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Tree> LoadAsync()
    {
        var city = new ScopeInfo(StatsScope.City, "嘉兴市", "Jiaxing", null);
        var counties = new List<ScopeInfo>();
        ScopeInfo? cityLevel = null;
        await using (var command = database.CreateCommand("select code, name, name_en, level from areas order by sort_order, code"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var code = reader.GetString(0);
                if (reader.GetString(3) == "city")
                {
                    city = city with { Name = reader.GetString(1), NameEn = reader.GetString(2) };
                    cityLevel = new ScopeInfo(StatsScope.County(code), "市本级", "City level", null);
                }
                else
                {
                    counties.Add(new ScopeInfo(StatsScope.County(code), reader.GetString(1), reader.GetString(2), null));
                }
            }
        }
        if (cityLevel is not null)
        {
            counties.Add(cityLevel);
        }
        var units = new Dictionary<string, ScopeInfo>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand("select code, name, name_en, area_code from units order by code"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var code = reader.GetString(0);
                units[code] = new ScopeInfo(StatsScope.Unit(code), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }
        var byCounty = units.Values.GroupBy(u => u.UnitCounty!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScopeInfo>)[.. g], StringComparer.Ordinal);
        return new Tree(city, counties, units, byCounty);
    }

    public void Dispose() => gate.Dispose();
}
