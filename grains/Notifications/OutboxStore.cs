using System.Text.Json;
using Npgsql;

namespace Dispatch.Notifications;

/// <summary>A message claimed for one attempt: the attempt's number fences its marking against a later claim.</summary>
public sealed record ClaimedMessage(
    Guid Id, string Channel, string Template, string Recipient, IReadOnlyDictionary<string, string> Placeholders, int Attempt);

/// <summary>
/// The outbox table as the senders use it (migration 0270). A claim takes due messages with FOR UPDATE SKIP LOCKED, so
/// two silos never take the same one, and holds each for a lease: a silo that dies mid-send leaves it to be claimed again
/// when the lease ends. A marking names the claimed attempt, so a late silo cannot overwrite a newer outcome.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource database)
{
    public async Task<IReadOnlyList<ClaimedMessage>> ClaimAsync(DateTimeOffset now, int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            update outgoing_messages m
            set status = 'sending', attempts = m.attempts + 1, lease_until = $2, updated_at = $1
            from (
                select id from outgoing_messages
                where (status in ('pending', 'failed') and next_attempt_at <= $1) or (status = 'sending' and lease_until <= $1)
                order by next_attempt_at
                limit $3
                for update skip locked
            ) due
            where m.id = due.id
            returning m.id, m.channel, m.template, m.recipient, m.placeholders::text, m.attempts
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + lease });
        command.Parameters.Add(new NpgsqlParameter { Value = batchSize });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedMessage(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(4)) ?? [], reader.GetInt32(5)));
        }
        return claimed;
    }

    /// <summary>Marks the claimed attempt sent; false when the claim was lost meanwhile (its lease ran out and another took it).</summary>
    public Task<bool> MarkSentAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(message, OutboxRetryPolicy.Sent, null, null, now, cancellationToken);

    /// <summary>Marks the claimed attempt failed with its next attempt time, or dead when there is none.</summary>
    public Task<bool> MarkFailedAsync(ClaimedMessage message, AttemptOutcome outcome, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(message, outcome.Status, outcome.NextAttemptAt, error, now, cancellationToken);

    private async Task<bool> MarkAsync(
        ClaimedMessage message, string status, DateTimeOffset? next, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            update outgoing_messages
            set status = $3, next_attempt_at = coalesce($4, next_attempt_at), last_error = $5, lease_until = null, updated_at = $6,
                sent_at = case when $3 = 'sent' then $6 else sent_at end
            where id = $1 and attempts = $2 and status = 'sending'
            """);
        object?[] values = [message.Id, message.Attempt, status, next, error, now];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
