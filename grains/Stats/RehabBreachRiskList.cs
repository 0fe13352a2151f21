using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Scopes;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The breach risk of a scope's open home-rehabilitation visits: the candidates from the visits read model (on the
/// provider's worklist, the clock of their stage running and ahead of its due time; the <see cref="Limit"/> nearest), the
/// history from the counters (<see cref="RehabHandlingHistory"/>: past visits of the same service type whose same clock
/// stopped; one read of the providers', their counties' and the city's cells), the estimate from
/// <see cref="BreachRiskRules"/> with the levels provider, county, city. Kind is the service type, topic the clock's name;
/// the title is the service type, never the person's name.
/// </summary>
public sealed class RehabBreachRiskList(NpgsqlDataSource database, StatsCounterReader counters, ScopeDirectory scopes, SlaSettings sla, TimeProvider time)
    : IBreachRiskSource
{
    public const int Limit = BreachRiskList.Limit;

    public string ItemType => ItemTypes.RehabVisit;

    private sealed record Candidate(Guid Id, string Number, string ServiceType, string ProviderCode, string CountyCode, string Clock,
        DateTimeOffset DueAt, HandlingMeasure Measure);

    public async Task<BreachRisks> ReadAsync(StatsScope scope)
    {
        var now = time.GetUtcNow();
        var candidates = await CandidatesAsync(scope, now);
        var providerCounties = await BreachRiskLists.UnitCountiesAsync(scopes, candidates.Select(c => (c.ProviderCode, c.CountyCode)));
        var history = (await counters.ReadAsync([RehabHandlingHistory.Query(providerCounties.Keys, providerCounties.Values)])).ForType(ItemTypes.RehabVisit);
        var warnAt = sla.RulesAt(now).WarningAtPercent / 100.0;
        return BreachRiskLists.Ranked(scope, now,
            candidates.Select(c => Assess(c, now, warnAt, HandlingHistory.Levels(history, c.ServiceType, c.Clock, c.ProviderCode, providerCounties[c.ProviderCode]))));
    }

    /// <summary>
    /// Times in minutes against the history's minute buckets; the answer gives hours. Every candidate has its measure (the
    /// query asks for it), so the wall-clock fallback of <see cref="HandlingPosition.At"/> and its instants are never used.
    /// </summary>
    private BreachRiskItem Assess(Candidate c, DateTimeOffset now, double warnAt, IEnumerable<HandlingSample> levels)
    {
        var clock = HandlingPosition.At(c.Measure, paused: false, c.DueAt, c.DueAt, now, sla.Calendars.ForCounty(c.CountyCode));
        var estimate = BreachRiskRules.Estimate(levels, clock.UsedHours * 60, clock.RemainingHours * 60);
        return BreachRiskLists.Estimated(new BreachRiskItem
        {
            ItemType = ItemTypes.RehabVisit, Id = c.Id, Number = c.Number, Title = c.ServiceType, UnitCode = c.ProviderCode, CountyCode = c.CountyCode,
            Kind = c.ServiceType, Topic = c.Clock, ClockState = clock.UsedHours >= c.Measure.AllowedHours * warnAt ? "warning" : "running",
            DueAt = c.DueAt, RemainingHours = Math.Round(clock.RemainingHours, 2),
        }, estimate);
    }

    private async Task<List<Candidate>> CandidatesAsync(StatsScope scope, DateTimeOffset now)
    {
        var filter = scope.Kind switch
        {
            StatsScopeKind.County => "and county_code = $3",
            StatsScopeKind.Unit => "and provider_code = $3",
            _ => "and $3::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select id, number, service_type, provider_code, county_code, stage_clock, due_at,
                stage_allowed_hours, stage_used_hours, stage_working, stage_measured_at
            from (select *, case stage_clock when '{RehabClockNames.FirstVisit}' then first_visit_due_at
                    when '{RehabClockNames.Window}' then window_due_at when '{RehabClockNames.Record}' then record_due_at end as due_at
                  from rehab_visits
                  where (status = any($1) or record_pending) and stage_clock is not null and stage_measured_at is not null {filter}) v
            where due_at > $2
            order by due_at, id limit {Limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = RehabVocabulary.WorklistStatuses.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Code });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<Candidate>();
        while (await reader.ReadAsync())
        {
            found.Add(new Candidate(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), HandlingPosition.Read(reader, 7)!.Value));
        }
        return found;
    }
}
