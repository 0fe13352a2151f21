using Npgsql;

namespace Dispatch.Units;

/// <summary>
/// The version of a reference table that silos hold in memory (reference_table_versions, migration 0120): a trigger bumps
/// it with every statement that changes the table and notifies the table's channel with it.
/// </summary>
public static class ReferenceTableVersions
{
    /// <summary>The table's version now: equal versions mean nothing to load.</summary>
    public static async Task<long> ReadAsync(NpgsqlDataSource database, string table, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select version from reference_table_versions where table_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : 0;
    }
}
