using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Scopes;
using Dispatch.Sla;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The breach risk of a scope's open tickets: the candidates from the tickets read model (dispatched or signed, not
/// suspended, handling deadline ahead; the <see cref="Limit"/> nearest deadlines), the history from the counters
/// (<see cref="HandlingHistory"/>: one read of the units', their counties' and the city's cells), the estimate from
/// <see cref="BreachRiskRules"/>. Titles are screened of the caller's name and of personal numbers, as on the
/// supervision lists.
/// </summary>
public sealed class BreachRiskList(NpgsqlDataSource database, StatsCounterReader counters, ScopeDirectory scopes, SlaSettings sla, TimeProvider time)
    : IBreachRiskSource
{
    public const int Limit = 500;

    public string ItemType => ItemTypes.Ticket;

    private sealed record Candidate(Guid Id, string Number, string Title, string? UnitCode, string CountyCode, string Kind, string Topic,
        string ClockState, DateTimeOffset DispatchedAt, DateTimeOffset DueAt, HandlingMeasure? Handling);

    public async Task<BreachRisks> ReadAsync(StatsScope scope)
    {
        var now = time.GetUtcNow();
        var candidates = await CandidatesAsync(scope, now);
        var unitCounties = await BreachRiskLists.UnitCountiesAsync(scopes, candidates.Where(c => c.UnitCode is not null).Select(c => (c.UnitCode!, c.CountyCode)));
        var history = await counters.ReadAsync([HandlingHistory.Query(unitCounties.Keys, unitCounties.Values)]);
        return BreachRiskLists.Ranked(scope, now,
            candidates.Select(c => Assess(c, now, HandlingHistory.Levels(history, c.Kind, c.Topic, c.UnitCode, c.UnitCode is { } u ? unitCounties[u] : c.CountyCode))));
    }

    private BreachRiskItem Assess(Candidate c, DateTimeOffset now, IEnumerable<HandlingSample> levels)
    {
        var clock = HandlingPosition.At(c.Handling, paused: false, c.DispatchedAt, c.DueAt, now, sla.Calendars.ForCounty(c.CountyCode));
        var remaining = clock.RemainingHours;
        var estimate = BreachRiskRules.Estimate(levels, clock.UsedHours, remaining);
        return BreachRiskLists.Estimated(new BreachRiskItem
        {
            ItemType = ItemTypes.Ticket, Id = c.Id, Number = c.Number, Title = c.Title, UnitCode = c.UnitCode, CountyCode = c.CountyCode,
            Kind = c.Kind, Topic = c.Topic, ClockState = c.ClockState, DueAt = c.DueAt, RemainingHours = Math.Round(remaining, 2),
        }, estimate);
    }

    private async Task<List<Candidate>> CandidatesAsync(StatsScope scope, DateTimeOffset now)
    {
        var filter = scope.Kind switch
        {
            StatsScopeKind.County => "and county_code = $3",
            StatsScopeKind.Unit => "and unit_code = $3",
            _ => "and $3::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select id, number, title, caller_name, unit_code, county_code, kind, topic, coalesce(clock_state, 'running'),
                first_dispatched_at, handling_due_at, {HandlingPosition.Columns}
            from tickets
            where status = any($1) and not suspended and first_dispatched_at is not null and handling_due_at > $2 {filter}
            order by handling_due_at, id limit {Limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = TicketVocabulary.WorklistStatuses.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Code });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<Candidate>();
        while (await reader.ReadAsync())
        {
            found.Add(new Candidate(reader.GetGuid(0), reader.GetString(1), FreeText.Screen(reader.GetString(2), reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10), HandlingPosition.Read(reader, 11)));
        }
        return found;
    }
}
