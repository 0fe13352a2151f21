using System.Collections.Immutable;
using Npgsql;

namespace Dispatch.LegalAid;

/// <summary>The legal_aid_roster rows (migration 0280): read by station, one locked for a change, written whole.</summary>
public sealed class LegalAidRosterTable(NpgsqlDataSource database)
{
    private const string Columns = """
        id, station_code, name, kind, organisation, phone, licence_number, fields, status, leave_from, leave_until,
        max_open_cases, declared_conflicts, version
        """;

    /// <summary>The station's roster in name order, numbers in full (the silo masks them before answering).</summary>
    public async Task<ImmutableArray<RosterMember>> StationAsync(string stationCode)
    {
        await using var command = database.CreateCommand($"select {Columns} from legal_aid_roster where station_code = $1 order by name, id");
        command.Parameters.Add(new NpgsqlParameter { Value = stationCode });
        await using var reader = await command.ExecuteReaderAsync();
        var members = ImmutableArray.CreateBuilder<RosterMember>();
        while (await reader.ReadAsync())
        {
            members.Add(Read(reader));
        }
        return members.ToImmutable();
    }

    /// <summary>The member of this station as stored, locked until the transaction ends; null when there is none.</summary>
    public static async Task<RosterMember?> LockAsync(NpgsqlConnection connection, string stationCode, Guid id)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from legal_aid_roster where id = $1 and station_code = $2 for update", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = stationCode });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public static async Task SaveAsync(NpgsqlConnection connection, RosterMember member, string userId, DateTimeOffset at)
    {
        await using var command = new NpgsqlCommand("""
            insert into legal_aid_roster (id, station_code, name, kind, organisation, phone, licence_number, fields, status, leave_from, leave_until,
                max_open_cases, declared_conflicts, version, updated_by, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            on conflict (id) do update set
                name = excluded.name, kind = excluded.kind, organisation = excluded.organisation, phone = excluded.phone,
                licence_number = excluded.licence_number, fields = excluded.fields, status = excluded.status,
                leave_from = excluded.leave_from, leave_until = excluded.leave_until, max_open_cases = excluded.max_open_cases,
                declared_conflicts = excluded.declared_conflicts, version = excluded.version,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, connection);
        object?[] values =
        [
            member.Id, member.StationCode, member.Name, member.Kind, member.Organisation, member.Phone, member.LicenceNumber,
            member.Fields.ToArray(), member.Status, member.LeaveFrom, member.LeaveUntil, member.MaxOpenCases, member.DeclaredConflicts.ToArray(),
            member.Version, userId, at,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await command.ExecuteNonQueryAsync();
    }

    private static RosterMember Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6),
        [.. r.GetFieldValue<string[]>(7)], r.GetString(8), Date(r, 9), Date(r, 10), r.GetInt32(11), [.. r.GetFieldValue<string[]>(12)], r.GetInt32(13));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
