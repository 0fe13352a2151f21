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

    /// <summary>Creates the day's sequence, starting after any number of that day already issued (by an older numbering, or before the sequence was lost).</summary>
    public string CreateSql(DateOnly localDay)
    {
        var sequence = SequenceName(localDay);
        var prefix = $"{NumberPrefix}-{localDay:yyyyMMdd}-";
        return $"""
            create sequence if not exists {sequence} as integer;
            select setval('{sequence}', greatest(highest, (select last_value from {sequence})), true)
            from (select max(substring(number from {prefix.Length + 1})::int) as highest from {IssuedIn} where number like '{prefix}%') issued
            where highest is not null
            """;
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
            await using var create = database.CreateCommand(series.CreateSql(localDay));
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
