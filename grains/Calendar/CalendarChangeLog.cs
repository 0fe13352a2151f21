using System.Text.Json;
using Npgsql;

namespace Dispatch.Calendar;

/// <summary>
/// The append-only log of calendar changes in PostgreSQL (calendar_changes): each row is one published year or one
/// closure added or withdrawn, with who, when and why. Appending also notifies every listening silo
/// (<see cref="Channel"/>) in the same transaction, so a notification never announces a change that did not commit.
/// </summary>
public sealed class CalendarChangeLog(NpgsqlDataSource database)
{
    /// <summary>The PostgreSQL LISTEN/NOTIFY channel that carries the sequence number of each new change.</summary>
    public const string Channel = "calendar_changes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every change, oldest first.</summary>
    public async Task<IReadOnlyList<CalendarChange>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            select sequence, changed_at, changed_by, changed_role, reason, kind, payload::text, closure_id
            from calendar_changes order by sequence
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<CalendarChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var change = new CalendarChange(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4));
            var payload = reader.GetString(6);
            changes.Add(reader.GetString(5) switch
            {
                CalendarChange.YearPublished => change with { Year = Read<PublishedYear>(payload) },
                CalendarChange.ClosureAdded => change with { Closure = Read<CountyClosure>(payload) },
                _ => change with { Withdrawn = reader.GetGuid(7) },
            });
        }
        return changes;
    }

    /// <summary>How many changes there are and the last sequence number: a cheap test of whether a reload is due.</summary>
    public async Task<(long Count, long Last)> StampAsync(CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("select count(*), coalesce(max(sequence), 0) from calendar_changes");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Appends a change (its sequence is ignored) and notifies the silos; returns the change with its sequence.</summary>
    public async Task<CalendarChange> AppendAsync(CalendarChange change, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"""
            with appended as (
                insert into calendar_changes (kind, year, county_code, closure_id, closed_on, payload, reason, changed_by, changed_role, changed_at)
                values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
                returning sequence)
            select sequence, pg_notify('{Channel}', sequence::text) from appended
            """);
        var closure = change.Closure;
        object? payload = change.Year is not null ? change.Year : closure is not null ? closure : new { closureId = change.Withdrawn };
        foreach (var value in new object?[]
        {
            change.Kind, change.Year?.Year, closure?.CountyCode, closure?.Id ?? change.Withdrawn, closure?.Date,
            JsonSerializer.Serialize(payload, Json), change.Reason, change.ActorId, change.ActorRole, change.At,
        })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        var sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return change with { Sequence = sequence };
    }

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new CalendarDataException($"A calendar change holds no {typeof(T).Name}: {json}");
}
