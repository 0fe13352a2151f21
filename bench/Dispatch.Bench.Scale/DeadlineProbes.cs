using Dispatch.Bench.Seeding;
using Dispatch.Rehab;
using Npgsql;

namespace Dispatch.Bench.Scale;

/// <summary>
/// Deadline latency on the real clock: probe visits (<see cref="ProbeVisits"/>) are stored by the bulk path while the silo
/// runs, their windows ending at known instants spread over a window that starts <see cref="Lead"/> from now (the
/// watcher's one-minute rescan with its two-minute horizon finds a new index entry within a minute). Each probe's latency
/// runs from its window's end to the moment its next event (the overdue) was stored (domain_events.recorded_at).
/// </summary>
internal sealed class DeadlineProbes(SeedingContext context, NpgsqlDataSource database)
{
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(90);

    public sealed record Probe(Guid Id, DateTimeOffset Due, int Version);

    public sealed record Result(IReadOnlyList<double> LatenciesMs, int Missing, IReadOnlyDictionary<string, int> EventTypes);

    public async Task<IReadOnlyList<Probe>> StoreAsync(int count, TimeSpan window, long seed)
    {
        var now = DateTimeOffset.UtcNow;
        var first = now + Lead;
        var rows = new BulkRows();
        var probes = new List<Probe>(count);
        var day = context.Sla.LocalDate(now);
        var firstNumber = await ProbeVisits.FirstNumberAsync(context, day, count);
        for (var k = 0; k < count; k++)
        {
            var due = first + window * ((double)k / count);
            due = new DateTimeOffset(due.UtcTicks - due.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
            var id = Guid.NewGuid();
            var replay = ProbeVisits.Replay(context, id, seed + k, Dispatch.Numbers.DailyNumberSeries.RehabVisits.Format(day, firstNumber + k), due, now);
            rows.Add(replay, RehabStream.Kind);
            probes.Add(new Probe(id, due, replay.State.Version));
        }
        await using var connection = await database.OpenConnectionAsync();
        await rows.WriteAsync(connection, await ColumnTypes.ReadAsync(connection));
        return probes;
    }

    public async Task<Result> CollectAsync(IReadOnlyList<Probe> probes)
    {
        var latencies = new List<double>();
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = 0;
        foreach (var probe in probes)
        {
            await using var command = database.CreateCommand(
                "select recorded_at, event_type from domain_events where stream_id = $1 and version = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = RehabStream.Kind.StreamId(probe.Id) });
            command.Parameters.Add(new NpgsqlParameter { Value = probe.Version + 1 });
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                missing++;
                continue;
            }
            latencies.Add((reader.GetFieldValue<DateTimeOffset>(0) - probe.Due).TotalMilliseconds);
            var type = reader.GetString(1);
            types[type] = types.GetValueOrDefault(type) + 1;
        }
        return new Result(latencies, missing, types);
    }
}
