using System.Text.Json;
using Dispatch.People;
using Npgsql;

namespace Dispatch.EventSourcing;

/// <summary>
/// Appends events to domain_events and runs the caller's read-model projection in the same
/// transaction, through the silo's <see cref="GroupCommit"/>. The (stream_id, version) key makes a stale writer fail
/// instead of forking history. Person ids in events are folded to their opaque form both ways (<see cref="PersonIdFolding"/>).
/// </summary>
public sealed class EventStore(NpgsqlDataSource database, PersonIdKey? personIds = null, GroupCommit? commits = null)
{
    private readonly GroupCommit commits = commits ?? new GroupCommit(database);

    private const string UniqueViolation = "23505";

    public async Task<IReadOnlyList<EventEnvelope<TEvent>>> ReadAsync<TEvent>(
        string streamId, JsonSerializerOptions json, CancellationToken cancellationToken = default)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(ReadCommand(streamId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadEventsAsync<TEvent>(reader, streamId, json, cancellationToken);
    }

    /// <summary>The query of a stream's events, to send in one round trip with other reads (see <see cref="ReadEventsAsync"/>).</summary>
    public static NpgsqlBatchCommand ReadCommand(string streamId)
    {
        var command = new NpgsqlBatchCommand(
            "select version, payload, actor_id, actor_role, actor_unit, actor_area, occurred_at from domain_events where stream_id = $1 order by version");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return command;
    }

    /// <summary>Reads the events of <see cref="ReadCommand"/> from the reader's current result.</summary>
    public async Task<IReadOnlyList<EventEnvelope<TEvent>>> ReadEventsAsync<TEvent>(
        NpgsqlDataReader reader, string streamId, JsonSerializerOptions json, CancellationToken cancellationToken = default)
    {
        var events = new List<EventEnvelope<TEvent>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = JsonSerializer.Deserialize<TEvent>(PersonIdFolding.Fold(reader.GetString(1), personIds), json)
                ?? throw new InvalidDataException($"Event {streamId} v{reader.GetInt32(0)} has an empty payload.");
            var actor = new Identity.Actor(reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            events.Add(new EventEnvelope<TEvent>(reader.GetInt32(0), payload, actor, reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return events;
    }

    /// <summary>The event as it is recorded: any raw person key in it made opaque.</summary>
    public TEvent Recorded<TEvent>(TEvent e, JsonSerializerOptions json) => PersonIdFolding.Fold(e, json, personIds);

    /// <summary>
    /// Appends the events and runs the projection's commands in one transaction, shared with other grains' commits (group
    /// commit). Returns false when another writer got there first (the stream is not at the expected version); throws
    /// this write's own failing statement, or a failure of the whole transaction (its outcome then unknown).
    /// </summary>
    public async Task<bool> AppendAsync<TEvent>(
        string streamType,
        string streamId,
        IReadOnlyList<EventEnvelope<TEvent>> events,
        Func<TEvent, string> eventType,
        JsonSerializerOptions json,
        IEnumerable<NpgsqlBatchCommand> projection,
        CancellationToken cancellationToken = default)
    {
        List<NpgsqlBatchCommand> commands = [.. events.Select(envelope => Insert(streamType, streamId, envelope, eventType, json)), .. projection];
        try
        {
            await commits.CommitAsync(commands).WaitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation && ex.TableName == "domain_events")
        {
            return false;
        }
    }

    private static NpgsqlBatchCommand Insert<TEvent>(
        string streamType, string streamId, EventEnvelope<TEvent> envelope, Func<TEvent, string> eventType, JsonSerializerOptions json)
    {
        var insert = new NpgsqlBatchCommand("""
            insert into domain_events (stream_id, version, stream_type, event_type, payload, actor_id, actor_role, actor_unit, actor_area, occurred_at)
            values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = streamId });
        insert.Parameters.Add(new NpgsqlParameter { Value = envelope.Version });
        insert.Parameters.Add(new NpgsqlParameter { Value = streamType });
        insert.Parameters.Add(new NpgsqlParameter { Value = eventType(envelope.Event) });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(envelope.Event, json) });
        insert.Parameters.Add(new NpgsqlParameter { Value = envelope.Actor.UserId });
        insert.Parameters.Add(new NpgsqlParameter { Value = envelope.Actor.Role });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)envelope.Actor.UnitCode ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)envelope.Actor.AreaCode ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = envelope.OccurredAt });
        return insert;
    }
}
