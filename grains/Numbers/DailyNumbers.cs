using Npgsql;

namespace Dispatch.Numbers;

/// <summary>
/// A series of human-readable numbers that restart each local day: PREFIX-yyyyMMdd-nnnnnn, drawn from one PostgreSQL
/// sequence per day (created by the day's first number). nextval takes no row lock and needs no commit of its own;
/// numbers may skip after a crash, they never repeat.
/// </summary>
/// <param name="IssuedIn">The read-model table whose <c>number</c> column holds the numbers already issued.</param>
public sealed record DailyNumberSeries(string SequencePrefix, string NumberPrefix, string IssuedIn)
{
    /// <summary>Hotline tickets: JX12385-20261129-000042.</summary>
    public static readonly DailyNumberSeries Tickets = new("ticket_number", "JX12385", "tickets");

    /// <summary>Legal-aid cases (法援): JXFY-20261129-000042.</summary>
    public static readonly DailyNumberSeries LegalAidCases = new("legal_aid_number", "JXFY", "legal_aid_cases");

    /// <summary>Home-rehabilitation visits (康复): JXKF-20261129-000042.</summary>
    public static readonly DailyNumberSeries RehabVisits = new("rehab_visit_number", "JXKF", "rehab_visits");

    /// <summary>
    /// Creates the day's sequence, starting after any number of that day already issued (by an older numbering, or
    /// before the sequence was lost). The application role may not create objects, so the schema owner's
    /// function <c>dispatch_create_daily_sequence</c> (migration 0110) does it for the known series only.
    /// </summary>
    public NpgsqlCommand CreateCommand(NpgsqlDataSource database, DateOnly localDay)
    {
        var command = database.CreateCommand("select dispatch_create_daily_sequence($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = SequenceName(localDay) });
        command.Parameters.Add(new NpgsqlParameter { Value = $"{NumberPrefix}-{localDay:yyyyMMdd}-" });
        command.Parameters.Add(new NpgsqlParameter { Value = IssuedIn });
        return command;
    }

    public string SequenceName(DateOnly localDay) => $"{SequencePrefix}_{localDay:yyyyMMdd}";

    public string NextValueSql(DateOnly localDay) => $"select nextval('{SequenceName(localDay)}')::int";

    public string Format(DateOnly localDay, int value) => $"{NumberPrefix}-{localDay:yyyyMMdd}-{value:D6}";
}

/// <summary>Draws numbers from a <see cref="DailyNumberSeries"/>; shared by tickets, legal-aid cases and visits.</summary>
public sealed class DailyNumbers(NpgsqlDataSource database)
{
    public const string UndefinedTable = "42P01";
    private const string DuplicateTable = "42P07";
    private const string UniqueViolation = "23505";

    public async Task<string> NextAsync(DailyNumberSeries series, DateOnly localDay)
    {
        try
        {
            return series.Format(localDay, await NextValueAsync(series, localDay));
        }
        catch (PostgresException ex) when (ex.SqlState == UndefinedTable)
        {
            await CreateSequenceAsync(series, localDay);
            return series.Format(localDay, await NextValueAsync(series, localDay));
        }
    }

    /// <summary>Creates the day's sequence; harmless when another caller created it at the same moment.</summary>
    public async Task CreateSequenceAsync(DailyNumberSeries series, DateOnly localDay)
    {
        try
        {
            await using var create = series.CreateCommand(database, localDay);
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState is UniqueViolation or DuplicateTable)
        {
            // Another caller created it at the same moment.
        }
    }

    private async Task<int> NextValueAsync(DailyNumberSeries series, DateOnly localDay)
    {
        await using var command = database.CreateCommand(series.NextValueSql(localDay));
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
