using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Clock-gaming figures computed afresh in SQL over the ticket events (domain_events), independently of the rules in C#
/// and of the signal tables: the unit holding a ticket is the one its last dispatch named; a return is passed on by the
/// dispatch that follows it (from the returning unit to the dispatched one); a repeated suspension is the
/// <c>repeated</c>th or later suspension since the handling clock last started (first dispatch or the last reopening); a
/// reopen loop the <c>reopen</c>th or later reopening; a bounce a pass whose reverse pass came earlier on the same ticket.
/// The scope is the ticket's county (from its registration) or the unit charged; the period is local (Asia/Shanghai).
/// </summary>
public static class ClockGamingSql
{
    public sealed record Cell(string From, string To, long Count);

    private const string Events = """
        with ev as (
            select e.stream_id, e.version, e.event_type, e.payload, e.occurred_at,
                   r.payload->'details'->>'countyCode' as county,
                   (select d.payload->>'unitCode' from domain_events d
                    where d.stream_id = e.stream_id and d.event_type = 'dispatched' and d.version < e.version order by d.version desc limit 1) as holder,
                   (select p.event_type from domain_events p
                    where p.stream_id = e.stream_id and p.event_type in ('dispatched', 'returned') and p.version < e.version order by p.version desc limit 1) as previous_move,
                   (select p.payload->>'fromUnit' from domain_events p
                    where p.stream_id = e.stream_id and p.event_type = 'returned' and p.version < e.version order by p.version desc limit 1) as returned_by
            from domain_events e join domain_events r on r.stream_id = e.stream_id and r.version = 1
            where e.stream_type = 'ticket'
        ),
        passes as (
            select stream_id, version, returned_by as from_unit, payload->>'unitCode' as to_unit, county, occurred_at
            from ev where event_type = 'dispatched' and previous_move = 'returned'
        ),
        signals as (
            select 'repeated_suspension' as kind, holder as unit, county, occurred_at from ev s
            where s.event_type = 'suspended' and s.holder is not null and (
                select count(*) from domain_events x where x.stream_id = s.stream_id and x.event_type = 'suspended' and x.version <= s.version
                  and x.version > coalesce((select max(y.version) from domain_events y
                                            where y.stream_id = s.stream_id and y.event_type = 'reopened' and y.version < s.version), 0)) >= $4
            union all
            select 'reopen_loop', holder, county, occurred_at from ev s
            where s.event_type = 'reopened' and s.holder is not null
              and (select count(*) from domain_events x where x.stream_id = s.stream_id and x.event_type = 'reopened' and x.version <= s.version) >= $5
            union all
            select 'return_bounce', p.from_unit, p.county, p.occurred_at from passes p
            where exists (select 1 from passes q where q.stream_id = p.stream_id and q.version < p.version and q.from_unit = p.to_unit and q.to_unit = p.from_unit)
        )
        """;

    private const string Within = """
        occurred_at >= ($1::date)::timestamp at time zone 'Asia/Shanghai' and occurred_at < ($2::date)::timestamp at time zone 'Asia/Shanghai'
        """;

    /// <summary>Signals of the three kinds SQL can tell from the events alone, per unit charged and kind.</summary>
    public static async Task<Dictionary<(string Unit, string Kind), long>> CountsAsync(
        string connectionString, string scope, DateOnly from, DateOnly toExclusive, int repeated, int reopen)
    {
        var filter = Filter(scope, "unit");
        var found = new Dictionary<(string, string), long>();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand($"{Events} select unit, kind, count(*) from signals where {Within} and {filter} group by unit, kind");
        Add(command, from, toExclusive, scope);
        command.Parameters.Add(new NpgsqlParameter { Value = repeated });
        command.Parameters.Add(new NpgsqlParameter { Value = reopen });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }
        return found;
    }

    /// <summary>Returns passed on, from-unit x to-unit, in the scope (a unit scope: either end) and period.</summary>
    public static async Task<List<Cell>> PassesAsync(string connectionString, string scope, DateOnly from, DateOnly toExclusive)
    {
        var filter = scope.StartsWith("unit:", StringComparison.Ordinal) ? "(from_unit = $3 or to_unit = $3)" : Filter(scope, "from_unit");
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand($"""
            {Events} select from_unit, to_unit, count(*) from passes where {Within} and {filter} and $4::int is null and $5::int is null
            group by from_unit, to_unit order by from_unit, to_unit
            """);
        Add(command, from, toExclusive, scope);
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        var cells = new List<Cell>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add(new Cell(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return cells;
    }

    /// <summary>What each unit handled in the period, from the read models (the rates' denominator): tickets resolved, cases decided, visits completed.</summary>
    public static async Task<Dictionary<string, long>> HandledAsync(string connectionString, DateOnly from, DateOnly toExclusive)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("""
            with handled(unit_code, at) as (
                select unit_code, resolved_at from tickets where unit_code is not null
                union all select station_code, decided_at from legal_aid_cases
                union all select provider_code, completed_at from rehab_visits)
            select unit_code, count(*) from handled
            where at >= ($1::date)::timestamp at time zone 'Asia/Shanghai' and at < ($2::date)::timestamp at time zone 'Asia/Shanghai'
            group by unit_code
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = toExclusive });
        var found = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = reader.GetInt64(1);
        }
        return found;
    }

    /// <summary>The type of the event a signal names as its trigger.</summary>
    public static async Task<string?> EventTypeAsync(string connectionString, Guid ticket, int version)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select event_type from domain_events where stream_id = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = "ticket-" + ticket.ToString("N") });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (string?)await command.ExecuteScalarAsync();
    }

    private static string Filter(string scope, string unitColumn) =>
        scope == "city" ? "$3::text is not null" : scope.StartsWith("county:", StringComparison.Ordinal) ? "county = $3" : $"{unitColumn} = $3";

    private static void Add(NpgsqlCommand command, DateOnly from, DateOnly toExclusive, string scope)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = toExclusive });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Contains(':', StringComparison.Ordinal) ? scope[(scope.IndexOf(':', StringComparison.Ordinal) + 1)..] : scope });
    }
}
