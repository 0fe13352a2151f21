using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Tickets;
using Npgsql;

namespace Dispatch.Routing;

/// <summary>
/// Counts the open work of a few units from the read models, which every silo's writes commit to: the same answer on
/// every silo. Each count is an index-only walk over the open items of those units alone (partial indexes of migration
/// 0180 and 0060, whose predicates are these statements' status conditions, word for word).
/// </summary>
public sealed class OpenWorkTable(NpgsqlDataSource database)
{
    private static readonly string Statement = $"""
        select unit_code, count(*) filter (where urgency = '{TicketVocabulary.UrgentUrgency}'), count(*) filter (where urgency <> '{TicketVocabulary.UrgentUrgency}'), 0::bigint, 0::bigint
        from tickets where unit_code = any($1) and status in ({InList(TicketVocabulary.WorklistStatuses)}) group by unit_code
        union all
        select provider_code, 0::bigint, 0::bigint, count(*), 0::bigint
        from rehab_visits where provider_code = any($1) and (status in ({InList(RehabVocabulary.WorklistStatuses)}) or record_pending) group by provider_code
        union all
        select station_code, 0::bigint, 0::bigint, 0::bigint, count(*)
        from legal_aid_cases where station_code = any($1) and status in ({InList(LegalAidVocabulary.WorklistStatuses)}) group by station_code
        """;

    public async Task<IReadOnlyDictionary<string, OpenWork>> ReadAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(Statement);
        command.Parameters.Add(new NpgsqlParameter { Value = unitCodes.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var work = new Dictionary<string, OpenWork>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(0);
            var row = new OpenWork(Count(reader, 1), Count(reader, 2), Count(reader, 3), Count(reader, 4));
            var held = work.GetValueOrDefault(code, OpenWork.None);
            work[code] = new OpenWork(held.UrgentTickets + row.UrgentTickets, held.OtherTickets + row.OtherTickets, held.Visits + row.Visits, held.Cases + row.Cases);
        }
        return work;
    }

    private static int Count(NpgsqlDataReader reader, int ordinal) => (int)reader.GetInt64(ordinal);

    /// <summary>The vocabulary's fixed statuses as SQL literals, so the planner matches the partial indexes' predicates.</summary>
    private static string InList(IEnumerable<string> statuses) => string.Join(", ", statuses.Select(s => $"'{s}'"));
}
