using System.Collections.Immutable;
using Dispatch.People;
using Dispatch.Scopes;
using Dispatch.Sla;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The breach risk of a scope's open legal-aid cases: the candidates from the cases read model (open, the running stage
/// clock not paused for documents and its due time ahead; the <see cref="Limit"/> nearest due times), the history from the
/// counters (<see cref="LegalAidHandlingHistory"/>: past cases of the same case type whose same stage clock finished,
/// in one read of the stations', their counties' and the city's cells), the estimate from <see cref="BreachRiskRules"/>.
/// The title is the case type, never the applicant's name. A row written before its clock was measured (migration 0350)
/// is listed without an estimate until its case is written again.
/// </summary>
public sealed class LegalAidBreachRiskList(NpgsqlDataSource database, StatsCounterReader counters, ScopeDirectory scopes, SlaSettings sla, TimeProvider time)
    : IBreachRiskSource
{
    public const int Limit = 500;

    /// <summary>A case is open in these statuses, and when refused with an objection pending (as <see cref="LegalAidTallies"/> counts open).</summary>
    private static readonly string[] OpenStatuses = ["applied", "under_review", "granted", "assigned", "in_progress"];

    public string ItemType => ItemTypes.LegalAidCase;

    private sealed record Candidate(Guid Id, string Number, string CaseType, string CountyCode, string StationCode, string Clock,
        string ClockState, DateTimeOffset DueAt, HandlingMeasure? Measure);

    public async Task<BreachRisks> ReadAsync(StatsScope scope)
    {
        var now = time.GetUtcNow();
        var candidates = await CandidatesAsync(scope, now);
        var stationCounties = await BreachRiskLists.UnitCountiesAsync(scopes, candidates.Select(c => (c.StationCode, c.CountyCode)));
        var history = (await counters.ReadAsync([LegalAidHandlingHistory.Query(stationCounties.Keys, stationCounties.Values)]))
            .ForType(ItemTypes.LegalAidCase);
        return BreachRiskLists.Ranked(scope, now,
            candidates.Select(c => Assess(c, now, HandlingHistory.Levels(history, c.CaseType, c.Clock, c.StationCode, stationCounties[c.StationCode]))));
    }

    private BreachRiskItem Assess(Candidate c, DateTimeOffset now, IEnumerable<HandlingSample> levels)
    {
        // With a measure the position needs no start time (only a row without one is read from its start).
        var position = c.Measure is { } measure
            ? HandlingPosition.At(measure, paused: false, dispatchedAt: now, c.DueAt, now, sla.Calendars.ForCounty(c.CountyCode))
            : (HandlingPosition?)null;
        var estimate = position is { } p ? BreachRiskRules.Estimate(levels, p.UsedHours, p.RemainingHours) : null;
        var remaining = position?.RemainingHours ?? Math.Max(0, (c.DueAt - now).TotalHours);
        return BreachRiskLists.Estimated(new BreachRiskItem
        {
            ItemType = ItemTypes.LegalAidCase, Id = c.Id, Number = c.Number, Title = c.CaseType, UnitCode = c.StationCode, CountyCode = c.CountyCode,
            Kind = c.CaseType, Topic = c.Clock, ClockState = c.ClockState, DueAt = c.DueAt, RemainingHours = Math.Round(remaining, 2),
        }, estimate);
    }

    private async Task<List<Candidate>> CandidatesAsync(StatsScope scope, DateTimeOffset now)
    {
        var filter = scope.Kind switch
        {
            StatsScopeKind.County => "and county_code = $3",
            StatsScopeKind.Unit => "and station_code = $3",
            _ => "and $3::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select id, number, case_type, county_code, station_code, clock_name, clock_state, clock_due_at,
                clock_allowed_hours, clock_used_hours, clock_working, clock_measured_at
            from legal_aid_cases
            where (status = any($1) or (status = 'refused' and objection_pending)) and not documents_pending
                and clock_name is not null and clock_state in ('running', 'warning') and clock_due_at > $2 {filter}
            order by clock_due_at, id limit {Limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = OpenStatuses });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Code });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new List<Candidate>();
        while (await reader.ReadAsync())
        {
            found.Add(new Candidate(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), HandlingPosition.Read(reader, 8)));
        }
        return found;
    }
}
