using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Web.Open311;

/// <summary>Which of a key's requests to read: by number, or by service, status and time of receipt.</summary>
/// <param name="Closed">true: closed only, false: open only, null: both.</param>
public sealed record Open311RequestFilter(IReadOnlyList<string>? Numbers, Open311Service? Service, DateTimeOffset From, DateTimeOffset To, bool? Closed);

/// <summary>
/// The requests one API key submitted, from the tickets read model: a ticket is the key's when its first event was
/// recorded for the key's actor. Nothing personal leaves: no name, phone, address or ID; the title and the reply are
/// screened for the caller's name and any personal number, as supervisors see them.
/// </summary>
public sealed class Open311RequestReads(NpgsqlDataSource database)
{
    /// <summary>The most requests one list answers, newest first.</summary>
    public const int MaxResults = 1000;

    private static readonly string StreamPrefix = ItemTypes.Ticket + "-";

    public async Task<IReadOnlyList<Open311Object>> FindAsync(Actor key, Open311RequestFilter filter, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            select t.number, t.status, t.kind, t.topic, t.title, t.caller_name, u.name, t.received_at, t.updated_at, t.handling_due_at,
                   case when t.status in ('{TicketStatus.Resolved}', '{TicketStatus.Closed}') then
                       (select r.payload ->> 'reply' from domain_events r
                        where r.stream_id = e.stream_id and r.event_type in ('resolved', 'answered_on_spot')
                        order by r.version desc limit 1)
                   end
            from domain_events e
            join tickets t on t.id = substring(e.stream_id from {StreamPrefix.Length + 1})::uuid
            left join units u on u.code = t.unit_code
            where e.version = 1 and e.actor_role = $1 and e.actor_id = $2 and e.stream_type = $3
              and ($4::text[] is null or t.number = any($4))
              and ($4::text[] is not null or (e.occurred_at >= $5 and e.occurred_at <= $6))
              and ($7::text is null or (t.kind = $7 and t.topic = $8))
              and ($9::boolean is null or (t.status = '{TicketStatus.Closed}') = $9)
            order by e.occurred_at desc, t.number
            limit {MaxResults}
            """);
        command.Parameters.AddWithValue(Roles.OnlineIntake);
        command.Parameters.AddWithValue(key.UserId);
        command.Parameters.AddWithValue(ItemTypes.Ticket);
        command.Parameters.Add(new NpgsqlParameter { Value = filter.Numbers is null ? DBNull.Value : filter.Numbers.ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(filter.From);
        command.Parameters.AddWithValue(filter.To);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Service?.Kind.Code ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Service?.Topic.Code ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Closed ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<Open311Object>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(Read(reader));
        }
        return requests;
    }

    private static Open311Object Read(NpgsqlDataReader r)
    {
        var (kind, topic, callerName) = (r.GetString(2), r.GetString(3), r.GetString(5));
        return Open311Object.Of(
            new("service_request_id", r.GetString(0)),
            new("status", r.GetString(1) == TicketStatus.Closed ? "closed" : "open"),
            new("status_notes", r.IsDBNull(10) ? null : FreeText.Screen(r.GetString(10), callerName)),
            new("service_name", Open311Services.NameOf(kind, topic)),
            new("service_code", Open311Services.CodeOf(kind, topic)),
            new("description", FreeText.Screen(r.GetString(4), callerName)),
            new("agency_responsible", r.IsDBNull(6) ? null : r.GetString(6)),
            new("service_notice", null),
            new("requested_datetime", r.GetFieldValue<DateTimeOffset>(7)),
            new("updated_datetime", r.GetFieldValue<DateTimeOffset>(8)),
            new("expected_datetime", r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)),
            // Where the caller lives is the caller's personal data: no address, coordinates or media leave through Open311.
            new("address", null),
            new("address_id", null),
            new("zipcode", null),
            new("lat", null),
            new("long", null),
            new("media_url", null));
    }
}
