using Npgsql;

namespace Dispatch.Schema;

/// <summary>Reads the installation's person id key (made once by migration 0080); silo and web use the same one.</summary>
public static class PersonIdKeyStore
{
    public static byte[] Load(NpgsqlDataSource database)
    {
        using var command = database.CreateCommand("select key from person_id_key");
        return command.ExecuteScalar() as byte[]
            ?? throw new SchemaMismatchException("The person id key is missing (table person_id_key, migration 0080).");
    }
}
