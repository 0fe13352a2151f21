using Dispatch.Schema;
using Dispatch.Web.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dispatch.Web.Auth;

/// <summary>
/// Makes sure the roles exist; in Development creates the demo accounts; elsewhere refuses to run while any
/// demo account exists, and on the first start creates the first administrator.
/// </summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IdentityStore store,
    ReferenceQueries reference,
    NpgsqlDataSource database,
    IHostEnvironment environment,
    FirstAdministrator bootstrap,
    ILogger<AccountSeeder> logger)
{
    private const long SeedLockKey = 0x1238_5000_0002;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Web instances starting together must not create the same account twice.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Another instance may hold the lock for as long as its seeding takes (longer than a command time-out on a busy
        // machine): wait for it until start-up is cancelled.
        await using (var acquire = new NpgsqlCommand($"select pg_advisory_lock({SeedLockKey})", connection) { CommandTimeout = 0 })
        {
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await SeedAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({SeedLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
        if (environment.IsDevelopment())
        {
            var demo = DemoAccounts.For(await reference.AreasAsync(cancellationToken), await reference.UnitsAsync(null, null, cancellationToken));
            var created = await CreateMissingAsync(demo, cancellationToken);
            logger.LogInformation("Demo accounts: {Created} created, {Total} in all (password {Password})", created, demo.Count, DemoAccounts.Password);
            return;
        }
        await RefuseDemoAccountsAsync(cancellationToken);
        await bootstrap.EnsureFirstAdministratorAsync(cancellationToken);
    }

    /// <summary>Demo accounts share a published password; outside Development not one of them may exist.</summary>
    private async Task RefuseDemoAccountsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            select "Email" from "AspNetUsers" where "NormalizedEmail" like '%@' || upper($1) order by "NormalizedEmail" limit 3
            """);
        command.Parameters.AddWithValue(DemoAccounts.Domain);
        var found = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }
        }
        if (found.Count > 0)
        {
            throw new StartupConfigurationException(
                $"Demo accounts exist in this database ({string.Join(", ", found)}...; domain @{DemoAccounts.Domain}) and the app runs in " +
                $"{environment.EnvironmentName}. Demo accounts share a published password and may never exist outside Development: use a " +
                $"fresh database, or delete every @{DemoAccounts.Domain} account. 数据库中存在演示账号（@{DemoAccounts.Domain}），" +
                "非开发模式拒绝启动：请使用新数据库或删除全部演示账号。");
        }
    }

    /// <summary>
    /// Creates the demo accounts that do not exist yet, in one read and one save. Every demo account has the same published
    /// password, so one hash (one salt) serves them all: it tells nothing the README does not, and a fresh database's start
    /// no longer spends a key-derivation run per account (about seventy of them, which took 15 to 55 s of a test system's
    /// start on a busy machine). The demo password is published and so fails the password policy on purpose; only demo
    /// accounts skip it, and the user validator's checks (a unique, well-formed name and e-mail) hold by construction.
    /// </summary>
    /// <returns>How many accounts were created.</returns>
    private async Task<int> CreateMissingAsync(IReadOnlyList<DemoAccount> demo, CancellationToken cancellationToken)
    {
        var existing = (await store.Users.Select(u => u.NormalizedEmail).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var roleIds = await store.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        string? demoHash = null;
        var created = 0;
        foreach (var account in demo.Where(a => !existing.Contains(users.NormalizeEmail(a.Email))))
        {
            var user = new ApplicationUser
            {
                UserName = account.Email,
                NormalizedUserName = users.NormalizeName(account.Email),
                Email = account.Email,
                NormalizedEmail = users.NormalizeEmail(account.Email),
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                UnitCode = account.UnitCode,
                AreaCode = account.AreaCode,
                UnitHead = account.UnitHead,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            user.PasswordHash = demoHash ??= users.PasswordHasher.HashPassword(user, DemoAccounts.Password);
            store.Users.Add(user);
            store.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[account.Role] });
            created++;
        }
        await store.SaveChangesAsync(cancellationToken);
        return created;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
