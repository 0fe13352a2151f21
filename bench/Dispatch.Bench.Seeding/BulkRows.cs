using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.EventSourcing;
using Dispatch.Stats;
using Npgsql;

namespace Dispatch.Bench.Seeding;

/// <summary>
/// The rows of many replayed items, gathered per table and written with COPY in one transaction: the events as
/// <see cref="EventStore"/> inserts them, the rows of each item's last commit (its statements translated to COPY rows:
/// an upsert of a new item inserts exactly its values, a delete of a new item's row removes nothing) and the sum of all
/// counter changes as one <see cref="StatsCounterCommand"/> row per item type, which the silo's fold adds to the counters
/// as it adds any other. A statement of another shape stops the load rather than store something the grains would not.
/// </summary>
public sealed partial class BulkRows
{
    private const string EventColumns = "stream_id, version, stream_type, event_type, payload, actor_id, actor_role, actor_unit, actor_area, occurred_at";

    private readonly Dictionary<(string Table, string Columns), List<object?[]>> rows = [];
    private readonly Dictionary<(string ItemType, string Scope, string Period, DateOnly Start, string Measure), long> counters = [];

    public int Items { get; private set; }

    public static bool IsCounterChange(NpgsqlBatchCommand command) =>
        command.CommandText.TrimStart().StartsWith("insert into stats_counter_changes", StringComparison.Ordinal);

    public void Add<TState, TEvent, TRow>(ItemReplay<TState, TEvent, TRow> item, StreamKind<TState, TEvent> kind)
        where TState : IFoldedState<TState, TEvent>
        where TRow : class
    {
        var streamId = kind.StreamId(item.Id);
        var events = Rows("domain_events", EventColumns);
        foreach (var envelope in item.Events)
        {
            events.Add(
            [
                streamId, envelope.Version, kind.StreamType, kind.EventType(envelope.Event), JsonSerializer.Serialize(envelope.Event, kind.Json),
                envelope.Actor.UserId, envelope.Actor.Role, envelope.Actor.UnitCode, envelope.Actor.AreaCode, envelope.OccurredAt,
            ]);
        }
        var lastTables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in item.LastCommands)
        {
            var statement = Statement.Parse(command.CommandText);
            lastTables.Add(statement.Table);
            if (statement.Insert)
            {
                if (command.Parameters.Count != statement.Columns.Count)
                {
                    throw new NotSupportedException($"An insert into {statement.Table} binds {command.Parameters.Count} values for {statement.Columns.Count} columns.");
                }
                Rows(statement.Table, string.Join(", ", statement.Columns)).Add([.. command.Parameters.Select(p => p.Value is DBNull ? null : p.Value)]);
            }
        }
        var missed = item.StatementsRun.Select(text => Statement.Parse(text).Table).Where(table => !lastTables.Contains(table)).ToList();
        if (missed.Count > 0)
        {
            throw new NotSupportedException($"An earlier commit of {streamId} wrote {string.Join(", ", missed)}, which its last commit does not.");
        }
        foreach (var change in item.Counters)
        {
            var key = (change.ItemType, change.Scope, change.Period, change.Start, change.Measure);
            counters[key] = counters.GetValueOrDefault(key) + change.Delta;
        }
        Items++;
    }

    /// <summary>Writes everything in one transaction and forgets it.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, ColumnTypes types, CancellationToken cancellationToken = default)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var ((table, columns), values) in rows)
        {
            var typeNames = types.Of(table, columns);
            await using var importer = await connection.BeginBinaryImportAsync($"copy {table} ({columns}) from stdin (format binary)", cancellationToken);
            foreach (var row in values)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(row[i], typeNames[i], cancellationToken);
                    }
                }
            }
            await importer.CompleteAsync(cancellationToken);
        }
        foreach (var group in counters.Where(c => c.Value != 0).GroupBy(c => c.Key.ItemType))
        {
            var command = StatsCounterCommand.For([.. group.Select(c => new CounterChange(c.Key.ItemType, c.Key.Scope, c.Key.Period, c.Key.Start, c.Key.Measure, c.Value))]);
            await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { command } };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        rows.Clear();
        counters.Clear();
        Items = 0;
    }

    private List<object?[]> Rows(string table, string columns)
    {
        if (!rows.TryGetValue((table, columns), out var list))
        {
            list = [];
            rows[(table, columns)] = list;
        }
        return list;
    }

    /// <summary>The table and columns of an item's statement: "insert into t (a, b) values ($1, $2) ..." or "delete from t where ...".</summary>
    private sealed record Statement(string Table, bool Insert, IReadOnlyList<string> Columns)
    {
        public static Statement Parse(string text)
        {
            if (InsertShape().Match(text) is { Success: true } insert)
            {
                return new Statement(insert.Groups[1].Value, true,
                    [.. insert.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]);
            }
            if (DeleteShape().Match(text) is { Success: true } delete)
            {
                return new Statement(delete.Groups[1].Value, false, []);
            }
            throw new NotSupportedException($"The bulk path cannot store this statement of a commit: {text[..Math.Min(80, text.Length)]}");
        }
    }

    [GeneratedRegex(@"^\s*insert into (\w+) \(([^)]*)\)\s*values\s*\(", RegexOptions.Singleline)]
    private static partial Regex InsertShape();

    [GeneratedRegex(@"^\s*delete from (\w+) where ", RegexOptions.Singleline)]
    private static partial Regex DeleteShape();
}

/// <summary>The PostgreSQL type of each column, as COPY in binary format needs it (e.g. jsonb for a JSON text).</summary>
public sealed class ColumnTypes(IReadOnlyDictionary<(string Table, string Column), string> types)
{
    public static async Task<ColumnTypes> ReadAsync(NpgsqlConnection connection)
    {
        var types = new Dictionary<(string, string), string>();
        await using var command = new NpgsqlCommand("""
            select c.relname, a.attname, format_type(a.atttypid, null)
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }
        return new ColumnTypes(types);
    }

    public string[] Of(string table, string columns) =>
        [.. columns.Split(',', StringSplitOptions.TrimEntries).Select(column => types.TryGetValue((table, column), out var type)
            ? type : throw new InvalidOperationException($"Column {table}.{column} does not exist."))];
}
