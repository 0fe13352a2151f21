using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Dispatch.Web.Open311;

/// <summary>An API key as administrators see it: never the key itself, only its hint.</summary>
public sealed record Open311KeyView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt,
    string? RevokedBy)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A key just issued: the only time <see cref="ApiKey"/> is shown.</summary>
public sealed record IssuedOpen311Key(Open311KeyView Key, string ApiKey);

/// <summary>POST /api/admin/open311-keys: who the key is for (the web form or partner system), 1–100 characters.</summary>
public sealed record NewOpen311Key(string? Name);

/// <summary>What a presented key is: unknown, revoked, or valid for the actor it submits requests as.</summary>
public sealed record Open311KeyCheck(bool Known, bool Revoked, Guid Id)
{
    public static readonly Open311KeyCheck Unknown = new(false, false, Guid.Empty);

    /// <summary>
    /// The key's actor in the cluster: the online intake, named by the key, so its requests' first events bind them to it
    /// (and its Idempotency-Keys are its own).
    /// </summary>
    public Actor Actor => new(Open311KeyStore.ActorPrefix + Id.ToString("N"), Roles.OnlineIntake, null, null);
}

/// <summary>
/// The Open311 API keys (open311_api_keys): issued with 256 random bits and stored as their SHA-256 hash, revoked for
/// good; every issue and revocation is appended to open311_key_events in the same transaction.
/// </summary>
public sealed class Open311KeyStore(NpgsqlDataSource database, TimeProvider time)
{
    public const string ActorPrefix = "open311:";
    private const string KeyPrefix = "o311_";
    private const int MaxKeyLength = 100;
    public const int MaxNameLength = 100;

    private const string Columns = "id, name, key_hint, created_at, created_by, revoked_at, revoked_by";

    public async Task<IReadOnlyList<Open311KeyView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"select {Columns} from open311_api_keys order by created_at desc, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<Open311KeyView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }
        return keys;
    }

    public async Task<IssuedOpen311Key> IssueAsync(string name, AccountChangeActor actor, CancellationToken cancellationToken)
    {
        var apiKey = KeyPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var key = new Open311KeyView(Guid.CreateVersion7(), name, apiKey[..(KeyPrefix.Length + 4)] + "…", time.GetUtcNow(), actor.Email, null, null);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            insert into open311_api_keys (id, name, key_hash, key_hint, created_at, created_by) values ($1, $2, $3, $4, $5, $6)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(key.Id);
            insert.Parameters.AddWithValue(key.Name);
            insert.Parameters.AddWithValue(Hash(apiKey));
            insert.Parameters.AddWithValue(key.Hint);
            insert.Parameters.AddWithValue(key.CreatedAt);
            insert.Parameters.AddWithValue(key.CreatedBy);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await AppendAsync(connection, transaction, key, "issued", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedOpen311Key(key, apiKey);
    }

    /// <summary>Revokes a key for good; null when no key has this id, the key unchanged when it was revoked already.</summary>
    public async Task<(Open311KeyView? Key, bool Changed)> RevokeAsync(Guid id, AccountChangeActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Open311KeyView? key;
        await using (var update = new NpgsqlCommand($"""
            update open311_api_keys set revoked_at = $2, revoked_by = $3 where id = $1 and revoked_at is null returning {Columns}
            """, connection, transaction))
        {
            update.Parameters.AddWithValue(id);
            update.Parameters.AddWithValue(time.GetUtcNow());
            update.Parameters.AddWithValue(actor.Email);
            key = await ReadOneAsync(update, cancellationToken);
        }
        if (key is null)
        {
            await using var find = new NpgsqlCommand($"select {Columns} from open311_api_keys where id = $1", connection, transaction);
            find.Parameters.AddWithValue(id);
            return (await ReadOneAsync(find, cancellationToken), false);
        }
        await AppendAsync(connection, transaction, key, "revoked", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (key, true);
    }

    /// <summary>Looks a presented key up by its hash; anything not shaped like a key is unknown without a query.</summary>
    public async Task<Open311KeyCheck> CheckAsync(string? presented, CancellationToken cancellationToken)
    {
        var key = presented?.Trim();
        if (key is null || key.Length > MaxKeyLength || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return Open311KeyCheck.Unknown;
        }
        await using var command = database.CreateCommand("select id, revoked_at is not null from open311_api_keys where key_hash = $1");
        command.Parameters.AddWithValue(Hash(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Open311KeyCheck(true, reader.GetBoolean(1), reader.GetGuid(0)) : Open311KeyCheck.Unknown;
    }

    /// <summary>The partition a presented key is counted in by the rate limiter: its hash, never the key.</summary>
    public static string RateLimitPartition(string presented) => "open311:" + Convert.ToHexStringLower(Hash(presented.Trim()).AsSpan(0, 12));

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Open311KeyView key, string action,
        AccountChangeActor actor, CancellationToken cancellationToken)
    {
        await using var log = new NpgsqlCommand("""
            insert into open311_key_events (occurred_at, actor_id, actor_email, key_id, key_name, action, client_address)
            values ($1, $2, $3, $4, $5, $6, $7)
            """, connection, transaction);
        log.Parameters.AddWithValue(key.RevokedAt ?? key.CreatedAt);
        log.Parameters.AddWithValue(actor.Id);
        log.Parameters.AddWithValue(actor.Email);
        log.Parameters.AddWithValue(key.Id);
        log.Parameters.AddWithValue(key.Name);
        log.Parameters.AddWithValue(action);
        log.Parameters.Add(new NpgsqlParameter { Value = (object?)actor.ClientAddress ?? DBNull.Value });
        await log.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Open311KeyView?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static Open311KeyView Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetString(6));
}
