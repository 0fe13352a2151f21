using Dispatch.Scopes;
using Dispatch.People;
using System.Collections.Immutable;
using Dispatch.PersonalData;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// The at-risk and overdue lists: tickets, legal-aid cases and visits whose worst running clock is in warning or
/// overdue, nearest deadline first, read from their read models. Cases count in their station's unit, visits in their
/// provider's. These lists reach supervisors and the big screen, so each title is screened of its item's person's name
/// and of every personal number (<see cref="FreeText"/>).
/// </summary>
public sealed class AttentionLists(NpgsqlDataSource database)
{
    public const int Limit = 200;

    private const string Items = $"""
        select '{ItemTypes.Ticket}' as item_type, id, number, title, unit_code, county_code, clock_name, clock_state, clock_due_at,
            caller_name as person_name
        from tickets
        union all
        select '{ItemTypes.LegalAidCase}', id, number, case_type, station_code, county_code, clock_name, clock_state, clock_due_at,
            applicant_name
        from legal_aid_cases
        union all
        select '{ItemTypes.RehabVisit}', id, number, service_type, provider_code, county_code, clock_name, clock_state, clock_due_at,
            person_name
        from rehab_visits
        """;

    public async Task<ImmutableArray<AttentionItem>> ReadAsync(StatsScope scope, string clockState)
    {
        var filter = scope.Kind switch
        {
            StatsScopeKind.County => "and county_code = $2",
            StatsScopeKind.Unit => "and unit_code = $2",
            _ => "and $2::text is not null",
        };
        await using var command = database.CreateCommand($"""
            select item_type, id, number, title, unit_code, county_code, clock_name, clock_state, clock_due_at, person_name from ({Items}) i
            where clock_state = $1 {filter}
            order by clock_due_at nulls last, id limit {Limit}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = clockState });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.Code });
        await using var reader = await command.ExecuteReaderAsync();
        var items = ImmutableArray.CreateBuilder<AttentionItem>();
        while (await reader.ReadAsync())
        {
            items.Add(new AttentionItem(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), FreeText.Screen(reader.GetString(3), reader.GetString(9)),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }
        return items.ToImmutable();
    }
}
