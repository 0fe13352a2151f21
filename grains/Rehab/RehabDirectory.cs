using Dispatch.Sla;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Rehab;

/// <summary>What a visit needs to know about other visits: who already holds a worker in an overlapping window.</summary>
public sealed class RehabDirectory(NpgsqlDataSource database, SlaSettings sla)
{
    public async Task<BookingConflict?> ConflictAsync(string providerCode, string? workerId, VisitWindow? window, Guid exceptVisit)
    {
        if (string.IsNullOrWhiteSpace(workerId) || window is null)
        {
            return null;
        }
        await using var command = database.CreateCommand("""
            select v.id, v.number, v.worker_id, v.worker_name, lower(b.during), upper(b.during)
            from rehab_bookings b join rehab_visits v on v.id = b.visit_id
            where b.provider_code = $1 and b.worker_id = $2 and b.during && $3 and b.visit_id <> $4
            order by lower(b.during) limit 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId.Trim() });
        command.Parameters.Add(new NpgsqlParameter { Value = new NpgsqlRange<DateTime>(window.Start.UtcDateTime, true, window.End.UtcDateTime, false) });
        command.Parameters.Add(new NpgsqlParameter { Value = exceptVisit });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        var start = new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero);
        var end = new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero);
        return new BookingConflict(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), LocalWindow(start, end));
    }

    /// <summary>2026-03-02 10:00–12:00 in Jiaxing time.</summary>
    public string LocalWindow(DateTimeOffset start, DateTimeOffset end)
    {
        var zone = sla.Calendar.TimeZone;
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        return from.Date == to.Date
            ? $"{from:yyyy-MM-dd HH:mm}–{to:HH:mm}"
            : $"{from:yyyy-MM-dd HH:mm}–{to:yyyy-MM-dd HH:mm}";
    }
}
