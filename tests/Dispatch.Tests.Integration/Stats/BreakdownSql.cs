using Npgsql;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Breakdowns and a month's figures computed afresh in SQL over the tickets read model, from the README's definitions,
/// independently of the counters: what the API must answer for the same scope and period.
/// </summary>
public static class BreakdownSql
{
    public sealed record Row(string Value, long Received, long Resolved, long OnTime, long OnTimeCounted, long Open, long Overdue);

    public sealed record Month(long Received, long Resolved, long Open, double? OnTimeClosureRate, double? FirstContactResolutionRate,
        double? ReturnRate, double? ReworkRate);

    /// <summary>Local days, the closure deadline's periods (counted once) and the ticket's scope test, for one period.</summary>
    private const string Tickets = """
        with t as (
            select *,
                   (received_at at time zone 'Asia/Shanghai')::date between $2 and $3 as received_in,
                   coalesce((resolved_at at time zone 'Asia/Shanghai')::date between $2 and $3, false) as resolved_in,
                   first_dispatched_at is not null and handling_due_at is not null
                     and (coalesce((resolved_at at time zone 'Asia/Shanghai')::date between $2 and $3, false)
                          or ((resolved_at is not null or handling_due_at <= updated_at)
                              and (handling_due_at at time zone 'Asia/Shanghai')::date between $2 and $3)) as counted
            from tickets
            where $1 = 'city' or $1 = 'county:' || county_code or $1 = 'unit:' || unit_code
        )
        """;

    public static async Task<List<Row>> RowsAsync(string connectionString, string scope, string period, DateOnly date, string by)
    {
        var value = by switch
        {
            "kind" => "kind",
            "topic" => "topic",
            "channel" => "channel",
            "town" => "coalesce(town_code, 'none')",
            _ => throw new ArgumentOutOfRangeException(nameof(by)),
        };
        var sql = Tickets + $"""
            select {value},
                   count(*) filter (where received_in), count(*) filter (where resolved_in),
                   count(*) filter (where counted and resolved_at <= handling_due_at), count(*) filter (where counted),
                   count(*) filter (where resolved_at is null), count(*) filter (where clock_state = 'overdue')
            from t
            group by 1
            """;
        var (from, to) = Bounds(period, date);
        var rows = new List<Row>();
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Row(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6));
            if (row with { Value = "" } != new Row("", 0, 0, 0, 0, 0, 0))
            {
                rows.Add(row);
            }
        }
        return rows;
    }

    public static async Task<Month> MonthAsync(string connectionString, string scope, DateOnly first)
    {
        var sql = Tickets + """
            select count(*) filter (where received_in), count(*) filter (where resolved_in), count(*) filter (where resolved_at is null),
                   round(count(*) filter (where counted and resolved_at <= handling_due_at)::numeric / nullif(count(*) filter (where counted), 0), 4)::float8,
                   round(count(*) filter (where received_in and answered_on_spot)::numeric / nullif(count(*) filter (where received_in), 0), 4)::float8,
                   round(count(*) filter (where received_in and first_dispatched_at is not null and return_count > 0)::numeric
                         / nullif(count(*) filter (where received_in and first_dispatched_at is not null), 0), 4)::float8,
                   round(count(*) filter (where received_in and rework_count > 0)::numeric / nullif(count(*) filter (where received_in), 0), 4)::float8
            from t
            """;
        var (from, to) = Bounds("month", first);
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        double? Rate(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
        return new Month(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), Rate(3), Rate(4), Rate(5), Rate(6));
    }

    /// <summary>A month's on-time closure numerator and denominator (the close-today list's "month so far").</summary>
    public static async Task<(long OnTime, long Counted)> OnTimeAsync(string connectionString, string scope, DateOnly first)
    {
        var (from, to) = Bounds("month", first);
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(Tickets + "select count(*) filter (where counted and resolved_at <= handling_due_at), count(*) filter (where counted) from t");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static (DateOnly From, DateOnly To) Bounds(string period, DateOnly date) => period == "year"
        ? (new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31))
        : (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1));
}
