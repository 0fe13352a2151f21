using Dispatch.Identity;
using Npgsql;
using NpgsqlTypes;

namespace Dispatch.Rehab;

/// <summary>Reads and writes the worker rosters (rehab_workers, rehab_worker_leave, rehab_worker_changes; migration 0300).</summary>
public sealed class RehabRosterStore(NpgsqlDataSource database)
{
    private const string Columns = "provider_code, worker_id, name, phone, service_types, towns, working_days, day_start, day_end, active, version";

    /// <summary>The provider's workers in id order, each with its leave; the phone as stored.</summary>
    public async Task<IReadOnlyList<RosterWorker>> ListAsync(string providerCode, NpgsqlConnection? connection = null)
    {
        var leave = await LeaveAsync(providerCode, null, connection);
        await using var command = Command($"select {Columns} from rehab_workers where provider_code = $1 order by worker_id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        return await ReadWorkersAsync(command, leave);
    }

    /// <summary>One worker of the provider, or null when the roster has no such id.</summary>
    public async Task<RosterWorker?> FindAsync(string providerCode, string workerId, NpgsqlConnection? connection = null)
    {
        var leave = await LeaveAsync(providerCode, workerId, connection);
        await using var command = Command($"select {Columns} from rehab_workers where provider_code = $1 and worker_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        return (await ReadWorkersAsync(command, leave)).SingleOrDefault();
    }

    /// <summary>Whether the provider keeps a roster at all: a provider without one still books workers by id (see README).</summary>
    public async Task<bool> HasRosterAsync(string providerCode)
    {
        await using var command = database.CreateCommand("select exists (select 1 from rehab_workers where provider_code = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Per worker of the provider: bookings in [from, to), and whether one overlaps the window (another visit's).</summary>
    public async Task<Dictionary<string, (int Booked, bool Overlaps)>> BookingsAsync(string providerCode, DateTimeOffset weekStart, DateTimeOffset weekEnd,
        DateTimeOffset start, DateTimeOffset end, Guid? exceptVisit)
    {
        await using var command = database.CreateCommand("""
            select worker_id, count(*) filter (where during && $2), bool_or(during && $3 and visit_id <> $4)
            from rehab_bookings where provider_code = $1 and (during && $2 or during && $3)
            group by worker_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = Range(weekStart, weekEnd) });
        command.Parameters.Add(new NpgsqlParameter { Value = Range(start, end) });
        command.Parameters.Add(new NpgsqlParameter { Value = exceptVisit ?? Guid.Empty });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            found[reader.GetString(0)] = ((int)reader.GetInt64(1), !reader.IsDBNull(2) && reader.GetBoolean(2));
        }
        return found;
    }

    public static async Task WriteAsync(NpgsqlConnection connection, string providerCode, ValidWorker w, int version, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand($"""
            insert into rehab_workers ({Columns}, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            on conflict (provider_code, worker_id) do update set name = excluded.name, phone = excluded.phone,
                service_types = excluded.service_types, towns = excluded.towns, working_days = excluded.working_days,
                day_start = excluded.day_start, day_end = excluded.day_end, active = excluded.active, version = excluded.version,
                updated_at = excluded.updated_at
            """, connection);
        object[] values = [providerCode, w.WorkerId, w.Name, w.Phone, w.ServiceTypes, w.Towns, w.WorkingDays, w.DayStart, w.DayEnd, w.Active, version, now];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }

    public static async Task AddLeaveAsync(NpgsqlConnection connection, string providerCode, string workerId, WorkerLeave leave)
    {
        await using var command = new NpgsqlCommand(
            "insert into rehab_worker_leave (id, provider_code, worker_id, first_day, last_day, reason) values ($1, $2, $3, $4, $5, $6)", connection);
        object[] values = [leave.Id, providerCode, workerId, leave.From, leave.To, leave.Reason];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> RemoveLeaveAsync(NpgsqlConnection connection, string providerCode, string workerId, Guid leaveId)
    {
        await using var command = new NpgsqlCommand("delete from rehab_worker_leave where id = $1 and provider_code = $2 and worker_id = $3", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = leaveId });
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public static async Task TouchAsync(NpgsqlConnection connection, string providerCode, string workerId, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            "update rehab_workers set version = version + 1, updated_at = $3 where provider_code = $1 and worker_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = workerId });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One history row; the author's display name is the one the account has at that moment.</summary>
    public static async Task AppendChangeAsync(NpgsqlConnection connection, string providerCode, string workerId, string action, string summary,
        Actor actor, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand("""
            insert into rehab_worker_changes (provider_code, worker_id, action, summary, changed_by, changed_by_name, changed_at)
            values ($1, $2, $3, $4, $5, coalesce((select "DisplayName" from "AspNetUsers" where "Id" = $5), $5), $6)
            """, connection);
        object[] values = [providerCode, workerId, action, summary, actor.UserId, now];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<RosterChange>> HistoryAsync(string providerCode, string? workerId)
    {
        await using var command = database.CreateCommand("""
            select id, worker_id, action, summary, changed_by, changed_by_name, changed_at from rehab_worker_changes
            where provider_code = $1 and ($2::text is null or worker_id = $2) order by id desc limit 500
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var changes = new List<RosterChange>();
        while (await reader.ReadAsync())
        {
            changes.Add(new RosterChange(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }
        return changes;
    }

    /// <summary>The provider's county, or null when no rehabilitation provider has this code.</summary>
    public async Task<string?> CountyOfProviderAsync(string providerCode)
    {
        await using var command = database.CreateCommand("select area_code from units where code = $1 and kind = 'rehab'");
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task<HashSet<string>> TownsOfCountyAsync(string countyCode)
    {
        await using var command = database.CreateCommand("select code from towns where county_code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = countyCode });
        await using var reader = await command.ExecuteReaderAsync();
        var towns = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            towns.Add(reader.GetString(0));
        }
        return towns;
    }

    private async Task<Dictionary<string, List<WorkerLeave>>> LeaveAsync(string providerCode, string? workerId, NpgsqlConnection? connection)
    {
        await using var command = Command("""
            select worker_id, id, first_day, last_day, reason from rehab_worker_leave
            where provider_code = $1 and ($2::text is null or worker_id = $2) order by first_day, id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = providerCode });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)workerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var leave = new Dictionary<string, List<WorkerLeave>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var worker = reader.GetString(0);
            if (!leave.TryGetValue(worker, out var list))
            {
                leave[worker] = list = [];
            }
            list.Add(new WorkerLeave(reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3), reader.GetString(4)));
        }
        return leave;
    }

    private static async Task<IReadOnlyList<RosterWorker>> ReadWorkersAsync(NpgsqlCommand command, Dictionary<string, List<WorkerLeave>> leave)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var workers = new List<RosterWorker>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(1);
            workers.Add(new RosterWorker(reader.GetString(0), id, reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                reader.GetFieldValue<string[]>(5), reader.GetFieldValue<int[]>(6), reader.GetFieldValue<TimeOnly>(7), reader.GetFieldValue<TimeOnly>(8),
                reader.GetBoolean(9), leave.TryGetValue(id, out var list) ? [.. list] : [], reader.GetInt32(10)));
        }
        return workers;
    }

    private NpgsqlCommand Command(string sql, NpgsqlConnection? connection) =>
        connection is null ? database.CreateCommand(sql) : new NpgsqlCommand(sql, connection);

    private static NpgsqlRange<DateTime> Range(DateTimeOffset start, DateTimeOffset end) => new(start.UtcDateTime, true, end.UtcDateTime, false);
}
