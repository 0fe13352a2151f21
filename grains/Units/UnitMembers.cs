using Dispatch.Identity;
using Dispatch.Items;
using Npgsql;

namespace Dispatch.Units;

/// <summary>Finds accounts in the identity tables for the 承办人 of an item; an administrator's disabled account is not active.</summary>
public sealed class UnitMembers(NpgsqlDataSource database)
{
    public async Task<UnitMember?> FindAsync(string userId)
    {
        await using var command = database.CreateCommand("""
            select u."Id", u."DisplayName", r."Name", u."UnitCode", not coalesce(u."LockoutEnd" >= $2, false)
            from "AspNetUsers" u
            left join "AspNetUserRoles" ur on ur."UserId" = u."Id"
            left join "AspNetRoles" r on r."Id" = ur."RoleId"
            where u."Id" = $1
            limit 1
            """);
        command.Parameters.AddWithValue(userId.Trim());
        command.Parameters.AddWithValue(DisabledAccounts.LockedUntil);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new UnitMember(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4))
            : null;
    }
}
