using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Web.Auth;

/// <summary>Who changed an account: the signed-in user and the address the request came from.</summary>
public sealed record AccountChangeActor(string Id, string Email, string? ClientAddress)
{
    /// <summary>The platform itself, e.g. creating the first administrator.</summary>
    public static readonly AccountChangeActor System = new("system", "system", null);

    public static AccountChangeActor From(HttpContext context) => new(
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        context.User.FindFirstValue(ClaimTypes.Email) ?? context.User.Identity?.Name ?? "",
        context.Connection.RemoteIpAddress?.ToString());
}

/// <summary>One entry of a user's change history.</summary>
public sealed record UserAdminEvent(long Id, DateTimeOffset OccurredAt, string ActorId, string ActorEmail, string Action,
    JsonElement? Before, JsonElement? After, string? ClientAddress);

/// <summary>
/// The append-only log of account changes (user_admin_events). Written inside the identity store's
/// transaction, so a change and its entry are stored together or not at all. Never holds a password.
/// </summary>
public sealed class UserAdminLog(IdentityStore store, NpgsqlDataSource database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync(AccountChangeActor actor, ApplicationUser target, string action, object? before, object? after,
        CancellationToken cancellationToken)
    {
        var beforeJson = before is null ? null : JsonSerializer.Serialize(before, Json);
        var afterJson = after is null ? null : JsonSerializer.Serialize(after, Json);
        await store.Database.ExecuteSqlInterpolatedAsync($"""
            insert into user_admin_events (occurred_at, actor_id, actor_email, target_user_id, target_email, action, before, after, client_address)
            values ({time.GetUtcNow()}, {actor.Id}, {actor.Email}, {target.Id}, {target.Email ?? ""}, {action},
                    cast({beforeJson} as jsonb), cast({afterJson} as jsonb), {actor.ClientAddress})
            """, cancellationToken);
    }

    public async Task<IReadOnlyList<UserAdminEvent>> HistoryAsync(string userId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            select id, occurred_at, actor_id, actor_email, action, before::text, after::text, client_address
            from user_admin_events where target_user_id = $1 order by id
            """);
        command.Parameters.AddWithValue(userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<UserAdminEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new UserAdminEvent(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), ParseOrNull(reader, 5), ParseOrNull(reader, 6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return events;
    }

    private static JsonElement? ParseOrNull(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : JsonDocument.Parse(reader.GetString(ordinal)).RootElement.Clone();
}
