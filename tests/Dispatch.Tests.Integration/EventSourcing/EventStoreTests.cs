using System.Text.Json;
using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Tickets;
using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.EventSourcing;

[Collection(PostgresCollection.Name)]
public sealed class EventStoreTests(PostgresFixture fixture)
{
    private static readonly Actor Writer = new("event-store-test", Roles.Operator, null, null);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Events_and_their_projection_are_stored_together()
    {
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        await CreateProjectionTableAsync(fixture.AsOwner(connectionString));
        var store = new EventStore(database);

        var appended = await store.AppendAsync("probe", "probe-1", [Envelope(1, "opened")], e => e, Json, [Project("probe-1", "opened")]);

        appended.Should().BeTrue();
        (await store.ReadAsync<string>("probe-1", Json)).Select(e => e.Event).Should().Equal("opened");
        (await ProjectedAsync(database, "probe-1")).Should().Be("opened");
    }

    [Fact]
    public async Task A_failing_projection_stores_none_of_the_events()
    {
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        await CreateProjectionTableAsync(fixture.AsOwner(connectionString));
        var store = new EventStore(database);

        var failing = () => store.AppendAsync("probe", "probe-2", [Envelope(1, "opened"), Envelope(2, "changed")], e => e, Json,
            [Project("probe-2", "opened"), new NpgsqlBatchCommand("select 1 / 0")]);

        await failing.Should().ThrowAsync<PostgresException>();
        (await store.ReadAsync<string>("probe-2", Json)).Should().BeEmpty();
        (await ProjectedAsync(database, "probe-2")).Should().BeNull();
    }

    [Fact]
    public async Task A_stale_writer_is_refused_and_its_projection_is_not_applied()
    {
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        await CreateProjectionTableAsync(fixture.AsOwner(connectionString));
        var store = new EventStore(database);
        await store.AppendAsync("probe", "probe-3", [Envelope(1, "opened")], e => e, Json, [Project("probe-3", "opened")]);

        var stale = await store.AppendAsync("probe", "probe-3", [Envelope(1, "forked")], e => e, Json, [Project("probe-3", "forked")]);

        stale.Should().BeFalse();
        (await store.ReadAsync<string>("probe-3", Json)).Select(e => e.Event).Should().Equal("opened");
        (await ProjectedAsync(database, "probe-3")).Should().Be("opened");
    }

    [Fact]
    public async Task Events_whose_keys_jsonb_puts_before_their_type_read_back_as_written()
    {
        // jsonb gives keys back shortest first, then in byte order: "note" and "kind" come before "type".
        var connectionString = await fixture.CreateIsolatedDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        var store = new EventStore(database);
        TicketEvent[] ticket =
        [
            new TicketDispatched("330402-CENTRE", false, false, "请尽快联系来电人"),
            new TicketNoteAdded("progress", "已电话联系来电人，约定周五上门。"),
            new SupervisionOrderIssued(Guid.NewGuid(), "manual", "请说明办理进展", SlaDuration.WorkingDays(3)),
        ];
        LegalAidEvent[] legalAid = [new CaseNoteAdded("internal", "材料齐全，待审查。")];
        RehabEvent[] visit = [new VisitNoteAdded("progress", "已电话确认上门时间。")];

        var tickets = await RoundTripAsync(store, "ticket-note", ticket);
        var cases = await RoundTripAsync(store, "case-note", legalAid);
        var visits = await RoundTripAsync(store, "visit-note", visit);

        tickets.Should().Equal(ticket);
        cases.Should().Equal(legalAid);
        visits.Should().Equal(visit);
        await using var stored = database.CreateCommand("select payload::text from domain_events where stream_id = 'ticket-note' and version = 2");
        ((string)(await stored.ExecuteScalarAsync())!).Should().StartWith("{\"kind\"", "the case this test is about: the discriminator is not first");
    }

    private static async Task<IReadOnlyList<TEvent>> RoundTripAsync<TEvent>(EventStore store, string streamId, IReadOnlyList<TEvent> events) where TEvent : class
    {
        var envelopes = events.Select((e, i) => new EventEnvelope<TEvent>(i + 1, e, Writer, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero))).ToList();
        (await store.AppendAsync("probe", streamId, envelopes, e => e.GetType().Name, EventJson.Options, [])).Should().BeTrue();
        return [.. (await store.ReadAsync<TEvent>(streamId, EventJson.Options)).Select(e => e.Event)];
    }

    private static EventEnvelope<string> Envelope(int version, string what) =>
        new(version, what, Writer, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));

    private static NpgsqlBatchCommand Project(string streamId, string state)
    {
        var command = new NpgsqlBatchCommand("""
            insert into probe_projection (stream_id, state) values ($1, $2)
            on conflict (stream_id) do update set state = excluded.state
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = state });
        return command;
    }

    /// <summary>Only the schema owner creates tables; the application role then gets its rows by the default privileges.</summary>
    private static async Task CreateProjectionTableAsync(string ownerConnectionString)
    {
        await using var owner = NpgsqlDataSource.Create(ownerConnectionString);
        await using var create = owner.CreateCommand("create table probe_projection (stream_id text primary key, state text not null)");
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ProjectedAsync(NpgsqlDataSource database, string streamId)
    {
        await using var read = database.CreateCommand("select state from probe_projection where stream_id = $1");
        read.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (string?)await read.ExecuteScalarAsync();
    }
}
