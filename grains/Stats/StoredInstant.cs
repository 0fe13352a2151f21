using Npgsql;

namespace Dispatch.Stats;

/// <summary>Instants and nullable columns as PostgreSQL keeps and returns them (timestamptz holds whole microseconds).</summary>
internal static class StoredInstant
{
    public static DateTimeOffset Micro(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    public static DateTimeOffset? Micro(DateTimeOffset? t) => t is { } value ? Micro(value) : null;

    public static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static DateTimeOffset? Instant(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    public static async Task<TRow?> LoadAsync<TRow>(
        NpgsqlDataSource database, string sql, Guid id, Func<NpgsqlDataReader, TRow> read, CancellationToken cancellationToken) where TRow : class
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }
}
