using Dispatch.Schema;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Auth;

/// <summary>
/// On the first start outside Development (no administrator yet) creates one administrator with a generated
/// password. The password is never logged: it goes to the credential file (mode 0600) that deploy/run.sh prints
/// once and deletes, and must be changed at first sign-in.
/// </summary>
public sealed class FirstAdministrator(
    UserManager<ApplicationUser> users,
    IdentityStore store,
    UserAdminLog log,
    IConfiguration configuration,
    ILogger<FirstAdministrator> logger)
{
    public const string EmailSetting = "Bootstrap:AdminEmail";
    public const string CredentialFileSetting = "Bootstrap:CredentialFile";
    public const string DefaultEmail = "admin@localhost";

    public async Task EnsureFirstAdministratorAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }
        var email = configuration[EmailSetting] is { Length: > 0 } configured ? configured.Trim() : DefaultEmail;
        if (DemoAccounts.IsDemo(email))
        {
            throw new StartupConfigurationException($"{EmailSetting} ({email}) is in the demo domain; choose another address.");
        }
        var file = configuration[CredentialFileSetting];
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new StartupConfigurationException(
                $"No administrator exists yet and {CredentialFileSetting} is not set: set it to a file path where the first " +
                "administrator's one-time password may be written (deploy/run.sh does this). " +
                $"尚无管理员，且未设置 {CredentialFileSetting}（首个管理员一次性密码的写入位置）。");
        }
        var password = TemporaryPassword.Generate();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "系统管理员",
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        Check(await users.CreateAsync(user, password), email);
        Check(await users.AddToRoleAsync(user, Roles.Admin), email);
        await log.AppendAsync(AccountChangeActor.System, user, "created", null,
            new { email, role = Roles.Admin, mustChangePassword = true }, cancellationToken);
        await WriteCredentialFileAsync(file, email, password, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogWarning("Created the first administrator {Email}; the one-time password is in {File} (mode 0600)", email, file);
    }

    private static async Task WriteCredentialFileAsync(string path, string email, string password, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Delete(full);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using var stream = new FileStream(full, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync($"email={email}\npassword={password}\n".AsMemory(), cancellationToken);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException($"Could not create the first administrator {what}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
