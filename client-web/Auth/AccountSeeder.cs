using Dispatch.Schema;
using Dispatch.Web.Reference;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Dispatch.Web.Auth;

/// <summary>
/// Makes sure the roles exist; in Development creates the demo accounts; elsewhere creates the
/// bootstrap administrator if configured, and refuses to run while a demo password is still in use.
/// </summary>
public sealed class AccountSeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ReferenceQueries reference,
    NpgsqlDataSource database,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<AccountSeeder> logger)
{
    private const long SeedLockKey = 0x1238_5000_0002;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Web instances starting together must not create the same account twice.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var acquire = new NpgsqlCommand($"select pg_advisory_lock({SeedLockKey})", connection))
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
        var demo = DemoAccounts.For(await reference.AreasAsync(cancellationToken), await reference.UnitsAsync(null, null, cancellationToken));
        if (environment.IsDevelopment())
        {
            var created = 0;
            foreach (var account in demo)
            {
                created += await EnsureAsync(account, DemoAccounts.Password) ? 1 : 0;
            }
            logger.LogInformation("Demo accounts: {Created} created, {Total} in all (password {Password})", created, demo.Count, DemoAccounts.Password);
            return;
        }
        await EnsureBootstrapAdminAsync();
        await RefuseDefaultPasswordsAsync(demo);
    }

    private async Task EnsureBootstrapAdminAsync()
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }
        if (password == DemoAccounts.Password)
        {
            throw new StartupConfigurationException("Bootstrap:AdminPassword is the published demo password; choose another.");
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureAsync(new DemoAccount(email, Roles.Admin, "系统管理员", null, null), password);
            logger.LogWarning("Created the bootstrap administrator {Email}", email);
        }
    }

    private async Task RefuseDefaultPasswordsAsync(IReadOnlyList<DemoAccount> demo)
    {
        foreach (var account in demo)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is not null && await users.CheckPasswordAsync(user, DemoAccounts.Password))
            {
                throw new StartupConfigurationException(
                    $"Account {account.Email} still has the seeded default password. Change or delete it before running outside Development.");
            }
        }
    }

    private async Task<bool> EnsureAsync(DemoAccount account, string password)
    {
        if (await users.FindByEmailAsync(account.Email) is not null)
        {
            return false;
        }
        var user = new ApplicationUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            UnitCode = account.UnitCode,
            AreaCode = account.AreaCode,
            UnitHead = account.UnitHead,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password), account.Email);
        Check(await users.AddToRoleAsync(user, account.Role), account.Email);
        return true;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
