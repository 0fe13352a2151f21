using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Bench.Common;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Bench.Seeding;

/// <summary>
/// Proves the bulk path stores what the normal path stores. A few tickets are registered, dispatched and signed through
/// the HTTP API (operator, then the unit's staff); the same tickets (same intake, unit, accounts and instants, read back
/// from the events the grains stored) are then made by the bulk path under new ids. Compared: the rows each added to
/// every table (counts), their events (all but stream id and the number in the registration), their read-model rows (all
/// but id, number and watch shard, which follow the id), their clock index entries, and the change each made to every
/// counter (the stats totals before and after).
/// </summary>
public sealed class EqualityCheck(Uri url, SeedingContext context, NpgsqlDataSource database)
{
    // Tables a sign-in or the silo's own bookkeeping write whatever the items do; the counters are compared by value.
    // outgoing_messages: the SMS a live registration or dispatch queues; tickets seeded in bulk are history, and nobody
    // must be texted about them, so the bulk path deliberately queues none.
    private static readonly HashSet<string> NotItemTables = new(StringComparer.Ordinal)
    {
        "stats_counter_changes", "stats_counters", "orleansmembershiptable", "orleansmembershipversiontable", "orleansremindertable",
        "auth_sessions", "auth_session_events", "orleansstorage", "outgoing_messages",
    };

    /// <summary>The ids of the tickets the bulk path made, once <see cref="RunAsync"/> ran.</summary>
    public IReadOnlyList<Guid> BulkIds { get; private set; } = [];

    /// <summary>Makes <paramref name="count"/> tickets both ways; returns the differences (none when the paths agree).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(int count)
    {
        using var operatorClient = await TicketClient.SignInAsync(url, "operator@jx12385.test");
        var plans = Enumerable.Range(0, count).Select(k => TicketSeeds.Plan(90_000_000 + k, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), context.Units)).ToList();
        var staff = new Dictionary<string, TicketClient>(StringComparer.Ordinal);
        foreach (var unit in plans.Select(p => p.UnitCode).Distinct())
        {
            staff[unit] = await TicketClient.SignInAsync(url, $"staff.{unit.ToLowerInvariant()}@jx12385.test");
        }

        var tablesBefore = await TableCountsAsync();
        var countersBefore = await CountersAsync();
        var normal = new List<Guid>();
        foreach (var plan in plans)
        {
            var registered = await operatorClient.RegisterAsync(plan.Intake, Guid.NewGuid().ToString());
            var id = registered.Body.GetProperty("id").GetString()!;
            await operatorClient.ActAsync(id, TicketActions.Dispatch, new { unitCode = plan.UnitCode });
            await staff[plan.UnitCode].ActAsync(id, TicketActions.Sign, null);
            normal.Add(Guid.Parse(id));
        }
        var tablesNormal = await TableCountsAsync();
        var countersNormal = await CountersAsync();

        // The same tickets by the bulk path, at the instants the grains recorded.
        var twins = new List<Guid>();
        var rows = new BulkRows();
        var twinPlans = new List<TicketPlan>();
        foreach (var (plan, id) in plans.Zip(normal))
        {
            var at = await InstantsAsync(id);
            twinPlans.Add(plan with { ReceivedAt = at[0], DispatchedAt = at[1], SignedAt = at[2] });
        }
        var numbers = await TicketSeeds.NumbersAsync(context, twinPlans);
        for (var k = 0; k < twinPlans.Count; k++)
        {
            var twin = Guid.NewGuid();
            rows.Add(TicketSeeds.Replay(context, twin, twinPlans[k], numbers[k], twinPlans[k].SignedAt!.Value), TicketGrain.Stream);
            twins.Add(twin);
        }
        await using (var connection = await database.OpenConnectionAsync())
        {
            await rows.WriteAsync(connection, await ColumnTypes.ReadAsync(connection));
        }
        BulkIds = twins;
        var tablesBulk = await TableCountsAsync();
        var countersBulk = await CountersAsync();

        var differences = new List<string>();
        foreach (var table in tablesBefore.Keys.Union(tablesBulk.Keys).Where(t => !NotItemTables.Contains(t)).Order(StringComparer.Ordinal))
        {
            var byNormal = tablesNormal.GetValueOrDefault(table) - tablesBefore.GetValueOrDefault(table);
            var byBulk = tablesBulk.GetValueOrDefault(table) - tablesNormal.GetValueOrDefault(table);
            if (byNormal != byBulk)
            {
                differences.Add($"table {table}: the normal path added {byNormal} rows, the bulk path {byBulk}");
            }
        }
        foreach (var key in countersBefore.Keys.Union(countersNormal.Keys).Union(countersBulk.Keys))
        {
            var byNormal = countersNormal.GetValueOrDefault(key) - countersBefore.GetValueOrDefault(key);
            var byBulk = countersBulk.GetValueOrDefault(key) - countersNormal.GetValueOrDefault(key);
            if (byNormal != byBulk)
            {
                differences.Add($"counter {key}: the normal path changed it by {byNormal}, the bulk path by {byBulk}");
            }
        }
        foreach (var (a, b) in normal.Zip(twins))
        {
            Compare(differences, $"events of {a}", await EventsAsync(a), await EventsAsync(b));
            Compare(differences, $"row of {a}", await RowAsync(TicketRow, a), await RowAsync(TicketRow, b));
            CompareUsedHours(differences, a, await UsedHoursAsync(a), await UsedHoursAsync(b));
            Compare(differences, $"clock index of {a}", await RowAsync("select to_jsonb(c) - 'item_id' - 'watch_shard' from clock_watch c where item_id = $1", a),
                await RowAsync("select to_jsonb(c) - 'item_id' - 'watch_shard' from clock_watch c where item_id = $1", b));
        }
        Console.WriteLine($"equality check: {count} tickets registered, dispatched and signed through the API and the same {count} by the bulk path; "
            + $"{tablesBefore.Count} tables, {countersBulk.Count} counters, every event, read-model row and clock index entry compared: "
            + (differences.Count == 0 ? "equal" : $"{differences.Count} differences"));
        return differences;
    }

    // The row but for the handling clock's used hours, which are compared on their own (CompareUsedHours).
    private const string TicketRow = "select to_jsonb(t) - 'id' - 'number' - 'watch_shard' - 'handling_used_hours' from tickets t where id = $1";

    /// <summary>
    /// The grain measured the handling clock's used time at its own instants, to the 100 ns of .NET's clock; the bulk path
    /// replays at the instants PostgreSQL stored, to the microsecond. Each of the clock's two ends may thus differ by less
    /// than a microsecond, and the used time by less than two: equal within that, any more is a difference.
    /// </summary>
    private static void CompareUsedHours(List<string> differences, Guid id, double? normal, double? bulk)
    {
        var tolerance = TimeSpan.FromMicroseconds(2).TotalHours;
        if (normal.HasValue != bulk.HasValue || (normal is { } n && bulk is { } b && Math.Abs(n - b) > tolerance))
        {
            differences.Add($"handling_used_hours of {id}: normal {normal} / bulk {bulk}");
        }
    }

    private async Task<double?> UsedHoursAsync(Guid id)
    {
        await using var command = database.CreateCommand("select handling_used_hours from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync() is double hours ? hours : null;
    }

    private static void Compare(List<string> differences, string what, string normal, string bulk)
    {
        if (normal != bulk)
        {
            differences.Add($"{what}: normal {normal} / bulk {bulk}");
        }
    }

    private async Task<DateTimeOffset[]> InstantsAsync(Guid id)
    {
        await using var command = database.CreateCommand("select occurred_at from domain_events where stream_id = $1 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = TicketGrain.Stream.StreamId(id) });
        var instants = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            instants.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }
        return instants.Count == 3 ? [.. instants] : throw new InvalidOperationException($"Ticket {id} has {instants.Count} events, not 3.");
    }

    /// <summary>The stream's events as JSON, without the stream id, the recording time and the registration's number.</summary>
    private async Task<string> EventsAsync(Guid id)
    {
        await using var command = database.CreateCommand("""
            select coalesce(jsonb_agg(to_jsonb(e) - 'stream_id' - 'recorded_at' || jsonb_build_object('payload', e.payload - 'number') order by version), '[]')
            from domain_events e where stream_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = TicketGrain.Stream.StreamId(id) });
        return Normalized((string)(await command.ExecuteScalarAsync())!);
    }

    private async Task<string> RowAsync(string sql, Guid id)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync() is string json ? Normalized(json) : "(none)";
    }

    private static string Normalized(string json) => JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private async Task<Dictionary<string, long>> TableCountsAsync()
    {
        var tables = new List<string>();
        await using (var command = database.CreateCommand("select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = database.CreateCommand($"select count(*) from \"{table}\"");
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private async Task<Dictionary<string, long>> CountersAsync()
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = database.CreateCommand("select item_type, scope, period, period_start, measure, value from stats_counter_totals");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = string.Join('|', reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(4));
            counters[key] = reader.GetInt64(5);
        }
        return counters;
    }
}
