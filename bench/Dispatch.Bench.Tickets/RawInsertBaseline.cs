using System.Diagnostics;
using Npgsql;

namespace Dispatch.Bench.Tickets;

/// <summary>The yardstick: plain single-row durable INSERTs (autocommit) from the same number of connections.</summary>
internal static class RawInsertBaseline
{
    public static async Task<double> RunAsync(string connectionString, int connections, TimeSpan duration)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var create = dataSource.CreateCommand(
            "create table if not exists bench_raw_inserts (id bigint generated always as identity primary key, payload text not null, at timestamptz not null default now())"))
        {
            await create.ExecuteNonQueryAsync();
        }
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            while (clock.Elapsed < duration)
            {
                await using var insert = new NpgsqlCommand("insert into bench_raw_inserts (payload) values ($1)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = "来电反映残疾人护理补贴尚未发放，请核实处理。" });
                await insert.ExecuteNonQueryAsync();
                Interlocked.Increment(ref count);
            }
        }));
        var rate = count / clock.Elapsed.TotalSeconds;
        await using (var drop = dataSource.CreateCommand("drop table bench_raw_inserts"))
        {
            await drop.ExecuteNonQueryAsync();
        }
        return rate;
    }
}
