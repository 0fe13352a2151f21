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

    /// <summary>
    /// What a case's write that assigns a member over their cap fails with (raised in that write's transaction by the
    /// trigger of migration 0320, which locks the member's row first, so concurrent assignments count each other).
    /// </summary>
    public const string MemberCapConstraint = "legal_aid_roster_member_cap";

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

    /// <summary>
    /// The station's members with what the rotation weighs: open cases (assigned or in progress, this case aside), the
    /// last time a case was assigned to them (kept on the roster row by the assignment's own write, migration 0320), and an earlier case they handled for or against a party of this one
    /// (its applicant is this case's opposing party, or its opposing party is this applicant). Indexed by handler_member_id.
    /// </summary>
    public async Task<ImmutableArray<RosterCandidate>> CandidatesAsync(string stationCode, Guid caseId, string applicantKey, string? opposingKey)
    {
        await using var command = database.CreateCommand($"""
            select {Prefixed}, open_cases.n, r.last_assigned_at, conflict.number, conflict.party
            from legal_aid_roster r
            cross join lateral (select count(*)::int as n from legal_aid_cases c
                where c.handler_member_id = r.id and c.status in ('assigned', 'in_progress') and c.id <> $2) open_cases
            left join lateral (
                select c.number, case when c.applicant_key = $4 then c.applicant_name else c.opposing_party end as party
                from legal_aid_cases c
                where c.handler_member_id = r.id and c.id <> $2 and (c.applicant_key = $4 or c.opposing_party_key = $3)
                order by c.handler_assigned_at desc limit 1) conflict on true
            where r.station_code = $1
            order by r.name, r.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = stationCode, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = caseId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = applicantKey, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)opposingKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync();
        var candidates = ImmutableArray.CreateBuilder<RosterCandidate>();
        while (await reader.ReadAsync())
        {
            candidates.Add(new RosterCandidate(Read(reader), reader.GetInt32(14),
                reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15), Text(reader, 17), Text(reader, 16)));
        }
        return candidates.ToImmutable();
    }

    private static readonly string Prefixed = string.Join(", ", Columns.Split(',', StringSplitOptions.TrimEntries).Select(c => "r." + c));

    private static RosterMember Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6),
        [.. r.GetFieldValue<string[]>(7)], r.GetString(8), Date(r, 9), Date(r, 10), r.GetInt32(11), [.. r.GetFieldValue<string[]>(12)], r.GetInt32(13));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
