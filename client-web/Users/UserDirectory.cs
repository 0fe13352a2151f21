using Dispatch.Web.ApiConventions;
using Npgsql;

namespace Dispatch.Web.Users;

/// <summary>How an administrator sees an account. Never carries a password or its hash.</summary>
public sealed record UserView(string Id, string Email, string DisplayName, string? Role, string? AreaCode, string? UnitCode,
    bool UnitHead, bool Disabled, bool MustChangePassword, bool TwoFactorEnabled);

/// <param name="Q">Part of the e-mail or name.</param>
/// <param name="Area">Supervisors of this area and unit staff of units in it.</param>
public sealed record UserSearch(string? Q, string? Role, string? Area, string? Unit, bool? Disabled, int Page, int PageSize);

/// <summary>Lists and finds accounts for the administration page, straight from the identity tables.</summary>
public sealed class UserDirectory(NpgsqlDataSource database)
{
    /// <summary>Accounts locked until this moment or later are disabled, not merely locked after failed sign-ins.</summary>
    public static readonly DateTimeOffset DisabledUntil = DisabledAccounts.LockedUntil;

    private const string Select = """
        select u."Id", coalesce(u."Email", ''), u."DisplayName", r."Name", u."AreaCode", u."UnitCode", u."UnitHead",
               coalesce(u."LockoutEnd" >= $1, false), u."MustChangePassword", u."TwoFactorEnabled"

        """ + From;

    private const string From = """
        from "AspNetUsers" u
        left join "AspNetUserRoles" ur on ur."UserId" = u."Id"
        left join "AspNetRoles" r on r."Id" = ur."RoleId"
        left join units un on un.code = u."UnitCode"
        """;

    private const string Matching = """
        where ($2::text is null or strpos(lower(coalesce(u."Email", '')), lower($2)) > 0 or strpos(lower(u."DisplayName"), lower($2)) > 0)
          and ($3::text is null or r."Name" = $3)
          and ($4::text is null or u."AreaCode" = $4 or un.area_code = $4)
          and ($5::text is null or upper(u."UnitCode") = upper($5))
          and ($6::boolean is null or coalesce(u."LockoutEnd" >= $1, false) = $6)
        """;

    public async Task<ListPage<UserView>> SearchAsync(UserSearch search, CancellationToken cancellationToken)
    {
        await using var page = database.CreateCommand($"""
            {Select}
            {Matching}
            order by u."NormalizedEmail"
            limit $7 offset $8
            """);
        AddFilters(page, search);
        page.Parameters.AddWithValue(search.PageSize);
        page.Parameters.AddWithValue((search.Page - 1) * search.PageSize);
        var items = await ReadAsync(page, cancellationToken);
        await using var count = database.CreateCommand($"select count(*) {From} {Matching}");
        AddFilters(count, search);
        var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        return new ListPage<UserView>(items, (int)total, search.Page, search.PageSize);
    }

    private static void AddFilters(NpgsqlCommand command, UserSearch search)
    {
        command.Parameters.AddWithValue(DisabledUntil);
        command.Parameters.Add(Text(search.Q));
        command.Parameters.Add(Text(search.Role));
        command.Parameters.Add(Text(search.Area));
        command.Parameters.Add(Text(search.Unit));
        command.Parameters.Add(new NpgsqlParameter<bool?> { TypedValue = search.Disabled, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
    }

    public async Task<UserView?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""{Select} where u."Id" = $2""");
        command.Parameters.AddWithValue(DisabledUntil);
        command.Parameters.AddWithValue(id);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    private static async Task<List<UserView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<UserView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new UserView(reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableText(reader, 3),
                NullableText(reader, 4), NullableText(reader, 5), reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8),
                reader.GetBoolean(9)));
        }
        return items;
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
