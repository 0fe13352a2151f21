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

/// <summary>Reads the outbox (outgoing_messages, migration 0270) for administrators, newest first; puts a dead message back in line.</summary>
public sealed class NotificationList(NpgsqlDataSource database, NotificationTemplates templates)
{
    private const string Columns = """
        id, item_type, item_id, item_number, county_code, channel, template, recipient_kind, unit_code, recipient, status, attempts,
        next_attempt_at, last_error, created_at, sent_at, placeholders::text
        """;

    public async Task<ListPage<NotificationEntry>> PageAsync(NotificationFilter filter, CancellationToken ct)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Where(string column, object? value)
        {
            if (value is not null)
            {
                values.Add(value);
                conditions.Add($"{column} = ${values.Count}");
            }
        }
        Where("status", filter.Status);
        Where("channel", filter.Channel);
        Where("item_id", filter.ItemId);
        Where("item_number", filter.ItemNumber);
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        values.Add(filter.PageSize);
        values.Add((long)(filter.Page - 1) * filter.PageSize);
        await using var command = database.CreateCommand($"""
            select {Columns}, count(*) over ()
            from outgoing_messages {where}
            order by created_at desc, id desc
            limit ${values.Count - 1} offset ${values.Count}
            """);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<NotificationEntry>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            items.Add(Entry(reader));
            total = reader.GetInt64(17);
        }
        if (items.Count == 0 && filter.Page > 1)
        {
            await reader.CloseAsync();
            await using var count = database.CreateCommand($"select count(*) from outgoing_messages {where}");
            foreach (var value in values.Take(values.Count - 2))
            {
                count.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return new ListPage<NotificationEntry>(items, (int)Math.Min(total, int.MaxValue), filter.Page, filter.PageSize);
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
            select {Columns}, (select count(*) from retried) from outgoing_messages where id = $1
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
