using Npgsql;

namespace Dispatch.Tickets;

/// <summary>Finds a ticket by the number operators know it by (JX12385-yyyyMMdd-nnnnnn), in the read model.</summary>
public sealed class TicketNumbers(NpgsqlDataSource database)
{
    /// <summary>The longest text looked up: a ticket number is 23 characters; anything much longer is no number.</summary>
    public const int MaxLength = 40;

    /// <summary>The id of the ticket with this number, or null (also for text that cannot be a number).</summary>
    public async Task<Guid?> IdOfAsync(string number)
    {
        var typed = number.Trim().ToUpperInvariant();
        if (typed.Length is 0 or > MaxLength)
        {
            return null;
        }
        await using var command = database.CreateCommand("select id from tickets where number = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = typed });
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }
}
