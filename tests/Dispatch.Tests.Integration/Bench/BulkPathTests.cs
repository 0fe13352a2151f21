using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Bench.Seeding;
using Dispatch.Numbers;
using Dispatch.Rehab;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Hosting;
using Dispatch.Tickets;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Bench;

/// <summary>One silo and one web app on their own database, for the bulk path of bench/scale.sh.</summary>
public sealed class BulkSystem() : LocalSystem("bulk")
{
    protected override Task StartedAsync() => ReadyAsync();

    public Task ReadyAsync() =>
        Eventually.Get(() => Web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");
}

/// <summary>
/// The bulk path of the scale benchmark stores what the normal path stores, and what it stores lives: after a silo
/// restart a bulk ticket is read and acted on through the API, and a bulk item's deadline fires by itself.
/// </summary>
public sealed class BulkPathTests(BulkSystem system) : IClassFixture<BulkSystem>
{
    [Fact]
    public async Task Tickets_made_by_the_bulk_path_store_the_rows_the_API_stores()
    {
        await using var database = NpgsqlDataSource.Create(system.SchemaConnectionString);
        var context = await SeedingContext.LoadAsync(database);
        var check = new EqualityCheck(system.Web.Address, context, database);

        var differences = await check.RunAsync(4);

        differences.Should().BeEmpty();
        check.BulkIds.Should().HaveCount(4);
    }

    [Fact]
    public async Task After_a_silo_restart_a_bulk_ticket_is_read_and_resolved_and_a_bulk_deadline_fires()
    {
        await using var database = NpgsqlDataSource.Create(system.SchemaConnectionString);
        var context = await SeedingContext.LoadAsync(database);
        var now = DateTimeOffset.UtcNow;
        var plan = TicketSeeds.Plan(70_000_001, now, TimeSpan.FromHours(2), context.Units);
        var ticketId = Guid.NewGuid();
        var number = (await TicketSeeds.NumbersAsync(context, [plan]))[0];
        var probeId = Guid.NewGuid();
        var due = now + TimeSpan.FromSeconds(20);
        var day = context.Sla.LocalDate(now);
        var probeNumber = DailyNumberSeries.RehabVisits.Format(day, await ProbeVisits.FirstNumberAsync(context, day, 1));
        var rows = new BulkRows();
        rows.Add(TicketSeeds.Replay(context, ticketId, plan, number, now), TicketGrain.Stream);
        var probe = ProbeVisits.Replay(context, probeId, 70_000_001, probeNumber, due, now);
        rows.Add(probe, RehabStream.Kind);
        await using (var connection = await database.OpenConnectionAsync())
        {
            await rows.WriteAsync(connection, await ColumnTypes.ReadAsync(connection));
        }

        await system.RestartSiloAsync();
        await system.ReadyAsync();

        using var staff = await system.Web.SignInAsync($"staff.{plan.UnitCode.ToLowerInvariant()}@jx12385.test");
        var shown = await staff.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticketId}");
        shown.GetProperty("number").GetString().Should().Be(number);
        shown.GetProperty("status").GetString().Should().Be(plan.SignedAt is null ? "dispatched" : "signed");
        using var resolved = await staff.PostAsJsonAsync($"/api/tickets/{ticketId}/resolve", new { reply = "已核实并办理。" });
        resolved.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ScalarAsync(database, "select status from tickets where id = $1", ticketId)).Should().Be("resolved");

        var overdue = await Eventually.Get(
            () => ScalarAsync(database, "select event_type from domain_events where stream_id = $1 and version = $2",
                RehabStream.Kind.StreamId(probeId), probe.State.Version + 1),
            type => type is not null, TimeSpan.FromMinutes(3), "the bulk visit's overdue event");
        overdue.Should().Be("clock_overdue");
    }

    private static async Task<string?> ScalarAsync(NpgsqlDataSource database, string sql, params object[] values)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return await command.ExecuteScalarAsync() as string;
    }
}
