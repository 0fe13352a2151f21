using Npgsql;

namespace Dispatch.Fields;

/// <summary>The counties and towns an intake may name, read from the reference tables and kept for a short while.</summary>
public sealed class AreaDirectory(NpgsqlDataSource database, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan ReferenceLifetime = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim referenceGate = new(1, 1);
    private (IntakeReference Reference, DateTimeOffset LoadedAt)? reference;

    public async Task<IntakeReference> ReferenceAsync()
    {
        var now = time.GetUtcNow();
        if (reference is { } cached && now - cached.LoadedAt < ReferenceLifetime)
        {
            return cached.Reference;
        }
        await referenceGate.WaitAsync();
        try
        {
            var loaded = await ReadAsync();
            reference = (loaded, now);
            return loaded;
        }
        finally
        {
            referenceGate.Release();
        }
    }

    /// <summary>The areas as stored now, not cached: for an administrator's change that must see the latest towns.</summary>
    public async Task<IntakeReference> ReadAsync()
    {
        var areas = new List<string>();
        await using (var command = database.CreateCommand("select code from areas"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                areas.Add(reader.GetString(0));
            }
        }
        var towns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand("select code, county_code from towns"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                towns[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return new IntakeReference(areas, towns);
    }

    public void Dispose() => referenceGate.Dispose();
}
