using Dispatch.Notifications;
using Dispatch.Web.ApiConventions;
using Npgsql;

namespace Dispatch.Web.Notifications;

/// <summary>One outgoing message as its readers see it: the recipient masked, the text as rendered (it names no person).</summary>
/// <param name="NextAttemptAt">When it is tried next; null once sent or dead.</param>
/// <param name="SubjectZh">An e-mail's subject as rendered; null for an SMS.</param>
public sealed record NotificationEntry(
    Guid Id, string ItemType, Guid ItemId, string ItemNumber, string CountyCode, string Channel, string Template, string RecipientKind,
    string? UnitCode, string Recipient, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, string? TextZh, string? TextEn, string? SubjectZh, string? SubjectEn);

public sealed record NotificationFilter(string? Status, string? Channel, Guid? ItemId, string? ItemNumber, int Page, int PageSize);

/// <summary>
/// Reads the outbox (outgoing_messages, migration 0270) for its readers within their scope, newest first; puts a dead
/// message back in line (administrators).
/// </summary>
public sealed class NotificationList(NpgsqlDataSource database, NotificationTemplates templates)
{
    private const string Columns = """
        m.id, m.item_type, m.item_id, m.item_number, m.county_code, m.channel, m.template, m.recipient_kind, m.unit_code, m.recipient,
        m.status, m.attempts, m.next_attempt_at, m.last_error, m.created_at, m.sent_at, m.placeholders::text
        """;

    /// <summary>
    /// Who reads the outbox: administrators, supervisors (their scope) and a unit's head (负责人, their unit's); everyone
    /// else, unit staff without the head flag included, does not.
    /// </summary>
    public static bool MayRead(Actor actor) =>
        actor.Role is Roles.Admin or Roles.Supervisor || actor.Role == Roles.UnitStaff && actor.UnitHead;

    /// <summary>
    /// The unit a message is about: the unit it is addressed to, else the unit now working its item (a caller's, applicant's
    /// or visited person's message). A unit's head reads the messages of that unit; a county supervisor those of the
    /// county (county_code); the city supervisor and administrators all.
    /// </summary>
    private const string UnitOfMessage = """
        coalesce(m.unit_code, case m.item_type
            when 'ticket' then (select t.unit_code from tickets t where t.id = m.item_id)
            when 'legal_aid_case' then (select c.station_code from legal_aid_cases c where c.id = m.item_id)
            when 'rehab_visit' then (select v.provider_code from rehab_visits v where v.id = m.item_id) end)
        """;

    /// <summary>One page of the messages the actor may read (<see cref="MayRead"/>; the scope is the query's), newest first.</summary>
    public async Task<ListPage<NotificationEntry>> PageAsync(NotificationFilter filter, Actor actor, CancellationToken ct)
    {
        if (!MayRead(actor))
        {
            return new ListPage<NotificationEntry>([], 0, filter.Page, filter.PageSize);
        }
        var where = SqlWhere.ScopedTo(actor, UnitOfMessage, "m.county_code").EqualEach(
            ("m.status", filter.Status), ("m.channel", filter.Channel), ("m.item_id", filter.ItemId), ("m.item_number", filter.ItemNumber));
        var (items, total) = await where.PageAsync(
            database, "outgoing_messages m", Columns, "m.created_at desc, m.id desc", filter.Page, filter.PageSize, Entry, ct);
        return new ListPage<NotificationEntry>(items, total, filter.Page, filter.PageSize);
    }

    /// <summary>A dead message due again now, for one more attempt; null when there is no such message.</summary>
    /// <returns>The message as it is after the call, and whether it was dead (and is now pending).</returns>
    public async Task<(NotificationEntry? Entry, bool Retried)> RetryAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with retried as (
                update outgoing_messages set status = 'pending', next_attempt_at = $2, updated_at = $2
                where id = $1 and status = 'dead'
                returning id)
            select {Columns}, (select count(*) from retried) from outgoing_messages m where m.id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return (null, false);
        }
        var retried = reader.GetInt64(17) == 1;
        var entry = Entry(reader);
        return (retried ? entry with { Status = NotificationStatuses.Pending, NextAttemptAt = now } : entry, retried);
    }

    private NotificationEntry Entry(NpgsqlDataReader reader)
    {
        var channel = reader.GetString(5);
        var template = reader.GetString(6);
        var recipient = reader.GetString(9);
        var status = reader.GetString(10);
        var placeholders = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(16)) ?? [];
        return new NotificationEntry(
            reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), channel, template,
            reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
            NotificationChannels.MaskRecipient(channel, recipient),
            status, reader.GetInt32(11),
            status is NotificationStatuses.Sent or NotificationStatuses.Dead ? null : reader.GetFieldValue<DateTimeOffset>(12),
            reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetFieldValue<DateTimeOffset>(14),
            reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
            Rendered(() => templates.Render(template, placeholders, "zh")), Rendered(() => templates.Render(template, placeholders, "en")),
            Rendered(() => templates.RenderSubject(template, placeholders, "zh")), Rendered(() => templates.RenderSubject(template, placeholders, "en")));
    }

    private static string? Rendered(Func<string?> render)
    {
        try
        {
            return render();
        }
        catch (NotificationTemplateException)
        {
            // A template renamed since the message was queued: the list still shows the row.
            return null;
        }
    }
}
