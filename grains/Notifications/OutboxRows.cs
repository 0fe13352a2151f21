using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Notifications;

/// <summary>
/// The outbox rows of one item write (table outgoing_messages, migration 0270), sent with the write's events in its
/// transaction. A unit's message takes the unit's phone (SMS) or e-mail address (e-mail, migration 0330) from the units
/// table in the same statement; a unit without the one its channel needs gets no row. A repeated write of the same event adds nothing (unique item, event version and template).
/// </summary>
public static class OutboxRows
{
    public static IEnumerable<NpgsqlBatchCommand> Commands(string itemType, Guid itemId, int version, OutgoingMessages? messages, DateTimeOffset now) =>
        messages is null ? [] : messages.Messages.Select(m =>
        {
            var command = new NpgsqlBatchCommand(Insert);
            object?[] values =
            [
                itemType, itemId, messages.ItemNumber, messages.CountyCode, version, m.Channel, m.Template, m.To.Kind, m.To.UnitCode,
                m.To.Address, now,
            ];
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(m.Placeholders), NpgsqlDbType = NpgsqlDbType.Jsonb });
            return command;
        });

    // $9 unit code is typed text explicitly: it is null for a person's message. $6 is the channel.
    private const string Insert = """
        insert into outgoing_messages (item_type, item_id, item_number, county_code, event_version, channel, template, recipient_kind,
            unit_code, recipient, placeholders, next_attempt_at, created_at, updated_at)
        select $1, $2, $3, $4, $5, $6, $7, $8, $9::text, coalesce($10::text, case when $6 = 'email' then u.email else u.phone end),
            $12 || case when u.name is null then '{}'::jsonb else jsonb_build_object('unit', u.name) end, $11, $11, $11
        from (select 1) one left join units u on u.code = $9::text
        where coalesce($10::text, case when $6 = 'email' then u.email else u.phone end, '') <> ''
        on conflict (item_id, event_version, template) do nothing
        """;
}
