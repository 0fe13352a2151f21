using System.Diagnostics;
using Dispatch.Bench.Common;
using Dispatch.Bench.Seeding;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Bench.Scale;

/// <summary>
/// The figures of one size, with the silo and web app freshly started on the seeded data: memory at rest, CPU over an idle
/// period, deadline latency of probes firing on the real clock, a bulk ticket read and resolved through the API, then the
/// reads (worklist of the largest unit, three searches, the city's stats snapshot) one request at a time.
/// </summary>
internal sealed class SizeMeasurement(ScaleOptions options, SeedingContext context, NpgsqlDataSource database)
{
    public async Task<SizeFigures> RunAsync(double seedSeconds, DateTimeOffset readyAt)
    {
        var silo = ProcessCpu.Find(options.Text("silo-marker"), "silo") ?? throw new InvalidOperationException("the silo is not running");
        var web = ProcessCpu.Find(options.Text("web-marker"), "web") ?? throw new InvalidOperationException("the web app is not running");
        var postgres = PostgresCpu.ForDataDirectory(options.Text("pg-data"));
        var startup = (readyAt - ProcessFacts.StartedAt(silo.Pid)).TotalSeconds;
        var open = await BulkSeeder.OpenTicketsAsync(database);
        using var reads = new ReadLatency(options.Url);

        // A few requests first, so the idle period measures watching, not the first requests' JIT.
        var (largestUnit, largestOpen) = await LargestUnitAsync();
        var staff = $"staff.{largestUnit.ToLowerInvariant()}@jx12385.test";
        await reads.MeasureAsync("warm-up", staff, [$"/api/units/{largestUnit}/worklist"], 3);
        var rest = TimeSpan.FromSeconds(options.Number("rest-seconds", 30));
        Console.WriteLine($"  {open:N0} open tickets; ready {startup:0.0} s after the silo started; settling {rest.TotalSeconds:0} s");
        await Task.Delay(rest);
        var siloRss = ProcessFacts.ResidentMiB(silo.Pid);
        var webRss = ProcessFacts.ResidentMiB(web.Pid);

        var idle = TimeSpan.FromSeconds(options.Number("idle-seconds", 60));
        var siloBefore = silo.Seconds();
        var pgBefore = postgres.Sample().Seconds;
        var idleStarted = Stopwatch.GetTimestamp();
        await Task.Delay(idle);
        var idleElapsed = Stopwatch.GetElapsedTime(idleStarted).TotalMinutes;
        var siloIdle = (silo.Seconds() - siloBefore) * 1000 / idleElapsed;
        var pgIdle = (postgres.Sample().Seconds - pgBefore) * 1000 / idleElapsed;
        Console.WriteLine($"  at rest: silo RSS {siloRss:0} MiB, web RSS {webRss:0} MiB; idle CPU per minute: silo {siloIdle:0} ms, PostgreSQL {pgIdle:0} ms");

        var probeCount = (int)options.Number("probes", 200);
        var probeWindow = TimeSpan.FromSeconds(options.Number("probe-seconds", 60));
        var probes = new DeadlineProbes(context, database);
        var stored = await probes.StoreAsync(probeCount, probeWindow, 80_000_000 + open);
        Console.WriteLine($"  {probeCount} deadline probes stored, due from {stored[0].Due:HH:mm:ss} to {stored[^1].Due:HH:mm:ss} UTC; waiting");
        var deadline = stored[^1].Due + TimeSpan.FromSeconds(15);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        var fired = await probes.CollectAsync(stored);
        var sortedDeadline = fired.LatenciesMs.Order().ToArray();
        Console.WriteLine($"  deadlines: {sortedDeadline.Length} of {probeCount} fired ({string.Join(", ", fired.EventTypes.Select(p => $"{p.Key} {p.Value}"))})");

        var behaves = await BulkTicketBehavesAsync(reads, largestUnit, staff);

        var requests = (int)options.Number("requests", 200);
        var sample = await SampleTicketAsync(largestUnit);
        await reads.MeasureAsync("worklist", staff, [$"/api/units/{largestUnit}/worklist"], requests);
        await reads.MeasureAsync("search-number", "operator@jx12385.test", [$"/api/tickets?q={Uri.EscapeDataString(sample.Number)}"], requests);
        await reads.MeasureAsync("search-text", "operator@jx12385.test",
            [$"/api/tickets?q={Uri.EscapeDataString("护理补贴")}", $"/api/tickets?q={Uri.EscapeDataString("无障碍设施")}", $"/api/tickets?q={Uri.EscapeDataString("压测来电人042")}"], requests);
        await reads.MeasureAsync("search-status-county", "operator@jx12385.test",
            [.. TicketClient.Counties.Select(c => $"/api/tickets?status=signed&county={c}")], requests);
        await reads.MeasureAsync("stats", "supervisor@jx12385.test", ["/api/stats?scope=city"], requests);

        double P(string operation, double p) => LatencyRecorder.Percentile(reads.Recorder.Sorted(operation), p);
        return new SizeFigures(open, seedSeconds, startup, siloRss, webRss, idleElapsed * 60, siloIdle, pgIdle, probeCount, fired.Missing,
            LatencyRecorder.Percentile(sortedDeadline, 0.50), LatencyRecorder.Percentile(sortedDeadline, 0.99), sortedDeadline.Length == 0 ? double.NaN : sortedDeadline[^1],
            largestUnit, largestOpen, P("worklist", 0.5), P("worklist", 0.99), P("search-number", 0.5), P("search-number", 0.99),
            P("search-text", 0.5), P("search-text", 0.99), P("search-status-county", 0.5), P("search-status-county", 0.99),
            P("stats", 0.5), P("stats", 0.99), behaves, DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            options.Text("commit", "unknown"));
    }

    private async Task<(string Unit, long Open)> LargestUnitAsync()
    {
        await using var command = database.CreateCommand("""
            select unit_code, count(*) from tickets where status in ('dispatched', 'signed', 'resolved') and unit_code is not null
            group by unit_code order by 2 desc limit 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetInt64(1)) : throw new InvalidOperationException("No open tickets.");
    }

    private async Task<(Guid Id, string Number)> SampleTicketAsync(string unit)
    {
        await using var command = database.CreateCommand("select id, number from tickets where unit_code = $1 and status = 'signed' order by received_at limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = unit });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetString(1)) : throw new InvalidOperationException($"No signed ticket at {unit}.");
    }

    /// <summary>A bulk ticket after the restart: the grain loads it, shows it, and takes an action (办结) that the read model then shows.</summary>
    private async Task<bool> BulkTicketBehavesAsync(ReadLatency reads, string unit, string staff)
    {
        var (id, number) = await SampleTicketAsync(unit);
        var shown = await reads.GetAsync(staff, $"/api/tickets/{id}");
        using var resolved = await reads.PostAsync(staff, $"/api/tickets/{id}/{TicketActions.Resolve}", new { reply = "已核实并办理，压测验证。" });
        await using var command = database.CreateCommand("select status from tickets where id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var status = (string?)await command.ExecuteScalarAsync();
        var behaves = shown.GetProperty("number").GetString() == number && resolved.IsSuccessStatusCode && status == "resolved";
        Console.WriteLine($"  bulk ticket {number} after the restart: read {(shown.GetProperty("number").GetString() == number ? "ok" : "WRONG")}, "
            + $"resolved through the API {(int)resolved.StatusCode}, read model '{status}'");
        return behaves;
    }
}
