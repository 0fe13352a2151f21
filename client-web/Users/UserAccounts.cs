using Dispatch.Items;
using Dispatch.Web.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Web.Users;

public sealed record NewUserRequest(string? Email, string? DisplayName, [property: ClosedSet(typeof(Roles), nameof(Roles.All))] string? Role, string? AreaCode, string? UnitCode, bool? UnitHead);

public sealed record RoleChangeRequest([property: ClosedSet(typeof(Roles), nameof(Roles.All))] string? Role, string? AreaCode, string? UnitCode, bool? UnitHead);

/// <summary>An account with a temporary password, shown to the administrator this once.</summary>
public sealed record IssuedPassword(UserView User, string TemporaryPassword);

/// <summary>
/// The administrator's changes to accounts. Each runs in one transaction with its log entry, serialised by an
/// advisory lock so two administrators cannot together remove the last enabled administrator.
/// </summary>
public sealed class UserAccounts(
    UserManager<ApplicationUser> users,
    IdentityStore store,
    UserAdminLog log,
    UserDirectory directory,
    ReferenceQueries reference,
    Dispatch.Web.Auth.Sessions.SessionRevocations sessions)
{
    /// <summary>Changes after which no session of the user may go on: its tokens carry the old role, scope, password or second factor.</summary>
    private static readonly HashSet<string> EndSessions = ["disabled", "role_changed", "password_reset", "two_factor_reset"];

    private const long AdminChangeLockKey = 0x1238_5000_0090;

    public async Task<Outcome<IssuedPassword>> CreateAsync(NewUserRequest request, AccountChangeActor actor, CancellationToken cancellationToken)
    {
        var errors = UserDetailsRules.Check(request.Email, request.DisplayName);
        var scope = await CheckScopeAsync(request.Role, request.AreaCode, request.UnitCode, request.UnitHead, cancellationToken);
        if (scope.Error is { } scopeError)
        {
            errors.AddRange(scopeError.Fields);
        }
        if (errors.Count > 0)
        {
            return DomainError.Validation([.. errors]);
        }
        var email = request.Email!.Trim();
        await using var transaction = await BeginAsync(cancellationToken);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return DomainError.Conflict("email_taken", "该邮箱已有账号。", "An account with this e-mail already exists.");
        }
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName!.Trim(),
            LockoutEnabled = true,
            MustChangePassword = true,
        };
        Apply(user, scope.Value!);
        var password = TemporaryPassword.Generate();
        if (Failure(await users.CreateAsync(user, password)) is { } created)
        {
            return created;
        }
        Expect(await users.AddToRoleAsync(user, scope.Value!.Role));
        var after = await SnapshotAsync(user);
        await log.AppendAsync(actor, user, "created", null, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<IssuedPassword>.Success(new IssuedPassword(await ViewAsync(user, cancellationToken), password));
    }

    public Task<Outcome<UserView>> DisableAsync(string id, AccountChangeActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, "disabled", actor, async (user, role) =>
        {
            if (IsDisabled(user))
            {
                return DomainError.Conflict("already_disabled", "该账号已停用。", "The account is already disabled.");
            }
            if (role == Roles.Admin && await OtherEnabledAdminsAsync(user.Id, cancellationToken) == 0)
            {
                return LastAdmin();
            }
            Expect(await users.SetLockoutEnabledAsync(user, true));
            Expect(await users.SetLockoutEndDateAsync(user, UserDirectory.DisabledUntil));
            Expect(await users.UpdateSecurityStampAsync(user));
            return null;
        }, cancellationToken);

    public Task<Outcome<UserView>> EnableAsync(string id, AccountChangeActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, "enabled", actor, async (user, _) =>
        {
            if (!IsDisabled(user))
            {
                return DomainError.Conflict("not_disabled", "该账号未停用。", "The account is not disabled.");
            }
            Expect(await users.SetLockoutEndDateAsync(user, null));
            Expect(await users.ResetAccessFailedCountAsync(user));
            Expect(await users.UpdateSecurityStampAsync(user));
            return null;
        }, cancellationToken);

    public async Task<Outcome<UserView>> ChangeRoleAsync(string id, RoleChangeRequest request, AccountChangeActor actor,
        CancellationToken cancellationToken)
    {
        var scope = await CheckScopeAsync(request.Role, request.AreaCode, request.UnitCode, request.UnitHead, cancellationToken);
        if (scope.Error is { } error)
        {
            return error;
        }
        return await ChangeAsync(id, "role_changed", actor, async (user, role) =>
        {
            var next = scope.Value!;
            if (role == Roles.Admin && next.Role != Roles.Admin && !IsDisabled(user)
                && await OtherEnabledAdminsAsync(user.Id, cancellationToken) == 0)
            {
                return LastAdmin();
            }
            if (role != next.Role)
            {
                if (role is not null)
                {
                    Expect(await users.RemoveFromRoleAsync(user, role));
                }
                Expect(await users.AddToRoleAsync(user, next.Role));
            }
            Apply(user, next);
            // A new stamp makes every session pick up the new role and scope (or end).
            Expect(await users.UpdateSecurityStampAsync(user));
            return null;
        }, cancellationToken);
    }

    public async Task<Outcome<IssuedPassword>> ResetPasswordAsync(string id, AccountChangeActor actor, CancellationToken cancellationToken)
    {
        var password = TemporaryPassword.Generate();
        var changed = await ChangeAsync(id, "password_reset", actor, async (user, _) =>
        {
            user.MustChangePassword = true;
            if (await users.HasPasswordAsync(user))
            {
                Expect(await users.RemovePasswordAsync(user));
            }
            if (Failure(await users.AddPasswordAsync(user, password)) is { } failed)
            {
                return failed;
            }
            Expect(await users.ResetAccessFailedCountAsync(user));
            if (!IsDisabled(user))
            {
                Expect(await users.SetLockoutEndDateAsync(user, null));
            }
            return null;
        }, cancellationToken);
        return changed.Error is { } error ? error : Outcome<IssuedPassword>.Success(new IssuedPassword(changed.Value!, password));
    }

    /// <summary>
    /// The user lost their authenticator: two-factor sign-in off, a new shared key (the lost phone's codes stop working),
    /// no recovery codes left, every session ended. A role that requires two-factor sign-in holds the user at enrolment
    /// at the next sign-in.
    /// </summary>
    public Task<Outcome<UserView>> ResetTwoFactorAsync(string id, AccountChangeActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, "two_factor_reset", actor, async (user, _) =>
        {
            if (!user.TwoFactorEnabled)
            {
                return DomainError.Conflict("two_factor_not_enabled", "该用户未启用两步验证。", "The user does not use two-factor sign-in.");
            }
            Expect(await users.SetTwoFactorEnabledAsync(user, false));
            Expect(await users.ResetAuthenticatorKeyAsync(user));
            // Replacing the codes with none removes them without naming Identity's internal token.
            if (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null)
            {
                throw new InvalidOperationException("Identity refused to clear the recovery codes.");
            }
            return null;
        }, cancellationToken);

    /// <summary>Loads the user, applies one change, logs before and after, commits; or changes nothing.</summary>
    private async Task<Outcome<UserView>> ChangeAsync(string id, string action, AccountChangeActor actor,
        Func<ApplicationUser, string?, Task<DomainError?>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(cancellationToken);
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return DomainError.NotFound("The user", "该用户");
        }
        var before = await SnapshotAsync(user);
        if (await change(user, before.Role) is { } refused)
        {
            return refused;
        }
        await log.AppendAsync(actor, user, action, before, await SnapshotAsync(user), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (EndSessions.Contains(action))
        {
            // Cookies would end at the next security-stamp check and bearer tokens at expiry; revoking ends both now,
            // hub connections included, on every web instance.
            await sessions.RevokeUserAsync(user.Id, "account_" + action, cancellationToken);
        }
        return Outcome<UserView>.Success(await ViewAsync(user, cancellationToken));
    }

    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        await store.Database.ExecuteSqlAsync($"select pg_advisory_xact_lock({AdminChangeLockKey})", cancellationToken);
        return transaction;
    }

    private async Task<Outcome<UserScope>> CheckScopeAsync(string? role, string? areaCode, string? unitCode, bool? unitHead,
        CancellationToken cancellationToken)
    {
        var areas = (await reference.AreasAsync(cancellationToken)).Select(a => a.Code).ToList();
        var units = (await reference.UnitsAsync(null, null, cancellationToken)).Select(u => u.Code).ToList();
        return UserScopeRules.Check(role, areaCode, unitCode, unitHead, areas, units);
    }

    private async Task<int> OtherEnabledAdminsAsync(string userId, CancellationToken cancellationToken) =>
        await store.Database.SqlQuery<int>($"""
            select count(*)::int as "Value"
            from "AspNetUsers" u
            join "AspNetUserRoles" ur on ur."UserId" = u."Id"
            join "AspNetRoles" r on r."Id" = ur."RoleId"
            where r."Name" = {Roles.Admin} and u."Id" <> {userId}
              and (u."LockoutEnd" is null or u."LockoutEnd" < {UserDirectory.DisabledUntil})
            """).SingleAsync(cancellationToken);

    private async Task<UserView> ViewAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        await directory.FindAsync(user.Id, cancellationToken) ?? throw new InvalidOperationException("The user vanished after the change.");

    private async Task<AccountSnapshot> SnapshotAsync(ApplicationUser user) => new(
        user.Email ?? "", user.DisplayName, (await users.GetRolesAsync(user)).FirstOrDefault(), user.AreaCode, user.UnitCode,
        user.UnitHead, IsDisabled(user), user.MustChangePassword, user.TwoFactorEnabled);

    private static void Apply(ApplicationUser user, UserScope scope)
    {
        user.AreaCode = scope.AreaCode;
        user.UnitCode = scope.UnitCode;
        user.UnitHead = scope.UnitHead;
    }

    public static bool IsDisabled(ApplicationUser user) => user.LockoutEnd >= UserDirectory.DisabledUntil;

    private static DomainError LastAdmin() => DomainError.Conflict("last_admin",
        "至少须保留一名启用的管理员。", "At least one enabled administrator must remain.");

    /// <summary>Identity's refusal of a password or e-mail as field errors; null when it succeeded.</summary>
    private static DomainError? Failure(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return null;
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return DomainError.Conflict("email_taken", "该邮箱已有账号。", "An account with this e-mail already exists.");
        }
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            return DomainError.Validation(new FieldError("email", "invalid", "邮箱格式不正确。", "The e-mail address is not valid."));
        }
        return DomainError.Validation(PasswordPolicy.ToFieldErrors(result.Errors, "password"));
    }

    private static void Expect(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account change: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>An account as the change log records it: no password, no hash, no security stamp.</summary>
public sealed record AccountSnapshot(string Email, string DisplayName, string? Role, string? AreaCode, string? UnitCode, bool UnitHead,
    bool Disabled, bool MustChangePassword, bool TwoFactorEnabled);
