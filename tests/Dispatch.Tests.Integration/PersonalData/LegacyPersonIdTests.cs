using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.People;
using Dispatch.Schema;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>A database from before opaque person ids: its events keep the raw key, everything built from them shows the opaque id.</summary>
public sealed class LegacyPersonIdTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task A_ticket_whose_stored_event_carries_the_raw_person_key_shows_the_opaque_id()
    {
        using var op = await Operator(system);
        var numbers = PersonalNumbers.New();
        var ticket = await RegisteredAsync(op, numbers.TicketIntake("冯一"));
        var legacyId = Guid.NewGuid();
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using (var copy = database.CreateCommand("""
            insert into domain_events (stream_id, version, stream_type, event_type, payload, actor_id, actor_role, actor_unit, actor_area, occurred_at)
            select $1, version, stream_type, event_type, jsonb_set(payload, '{personId}', to_jsonb($2::text)), actor_id, actor_role, actor_unit,
                   actor_area, occurred_at
            from domain_events where stream_id = $3 and version = 1
            """))
        {
            copy.Parameters.Add(new NpgsqlParameter { Value = "ticket-" + legacyId.ToString("N") });
            copy.Parameters.Add(new NpgsqlParameter { Value = "id:" + numbers.ResidentId });
            copy.Parameters.Add(new NpgsqlParameter { Value = "ticket-" + Guid.Parse(Id(ticket)).ToString("N") });
            (await copy.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var legacy = await op.GetFromJsonAsync<JsonElement>($"/api/tickets/{legacyId}");
        var history = await op.GetStringAsync($"/api/tickets/{legacyId}/history");

        legacy.GetProperty("personId").GetString().Should().Be(ticket.GetProperty("personId").GetString()).And.StartWith("p_");
        history.Should().Contain(ticket.GetProperty("personId").GetString()).And.NotContain(numbers.ResidentId);
    }

    [Fact]
    public async Task Read_model_rows_with_raw_person_keys_are_rewritten_and_repeat_calls_still_find_them()
    {
        using var op = await Operator(system);
        var numbers = PersonalNumbers.New();
        var first = await RegisteredAsync(op, numbers.TicketIntake("冯二"));
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using (var revert = database.CreateCommand("update tickets set person_id = $1 where id = $2"))
        {
            revert.Parameters.Add(new NpgsqlParameter { Value = "id:" + numbers.ResidentId });
            revert.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(Id(first)) });
            await revert.ExecuteNonQueryAsync();
        }

        var rewritten = await new PersonIdRewrite(database, new PersonIdKey(PersonIdKeyStore.Load(database))).RunAsync(CancellationToken.None);
        var second = await RegisteredAsync(op, numbers.TicketIntake("冯二"));

        rewritten.Should().BeGreaterThanOrEqualTo(1);
        await using var read = database.CreateCommand("select person_id from tickets where id = $1");
        read.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(Id(first)) });
        (await read.ExecuteScalarAsync()).Should().Be(first.GetProperty("personId").GetString());
        second.GetProperty("repeatCount").GetInt32().Should().Be(1, "the earlier ticket of the same person is found by its opaque id");
    }
}
