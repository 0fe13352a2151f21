using Dispatch.Items;
using Dispatch.Web.ApiConventions;
namespace Dispatch.Web.Users;

/// <summary>/api/admin/users: administrators list, create, disable, re-enable, re-scope accounts, reset passwords and second factors.</summary>
public static class UserAdministrationEndpoints
{
    /// <summary>The administrators' account changes; the account security they rely on is Auth's (AddAccountSecurity).</summary>
    public static IServiceCollection AddUserAdministration(this IServiceCollection services) => services
        .AddSingleton<UserDirectory>()
        .AddScoped<UserAccounts>();

    public static RouteGroupBuilder MapUserAdministrationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/users").WithTags("Users 用户管理").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("List and search users 用户列表");
        group.MapPost("/", Create).WithSummary("Create a user with a temporary password, shown once 新建用户");
        group.MapGet("/{id}", Get).WithSummary("One user 用户详情");
        group.MapPost("/{id}/disable", Disable).WithSummary("Disable: no sign-in, sessions end 停用");
        group.MapPost("/{id}/enable", Enable).WithSummary("Re-enable 启用");
        group.MapPut("/{id}/role", ChangeRole).WithSummary("Change role and scope 修改角色与范围");
        group.MapPost("/{id}/reset-password", ResetPassword).WithSummary("New temporary password, shown once 重置密码");
        group.MapPost("/{id}/reset-two-factor", ResetTwoFactor)
            .WithSummary("Turn off two-factor sign-in (lost authenticator): new key, no recovery codes, sessions end 重置两步验证");
        group.MapGet("/{id}/history", History).WithSummary("The user's change history 变更记录");
        return api;
    }

    private static async Task<Results<Ok<ListPage<UserView>>, ProblemHttpResult>> List(string? q, [ClosedSet(typeof(Roles), nameof(Roles.All))] string? role, string? area, string? unit,
        bool? disabled, int? page, int? pageSize, UserDirectory directory, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>(Paging.Check(page, pageSize));
        if (q is { Length: > 100 } || q?.Any(char.IsControl) == true)
        {
            errors.Add(new("q", "invalid", "搜索词不超过 100 个字符，且不含控制字符。", "The search text has at most 100 characters and no control characters."));
        }
        if (role is not null && !Roles.All.Contains(role))
        {
            errors.Add(new("role", "unknown", "角色须为 operator、unit_staff、supervisor 或 admin。", "The role must be operator, unit_staff, supervisor or admin."));
        }
        if (errors.Count > 0)
        {
            return ProblemResponses.Validation(context, [.. errors]);
        }
        var search = new UserSearch(q, role, Short(area), Short(unit), disabled, Paging.PageOf(page), Paging.SizeOf(pageSize));
        return TypedResults.Ok(await directory.SearchAsync(search, cancellationToken));
    }

    private static async Task<Results<Created<IssuedPassword>, ProblemHttpResult>> Create(NewUserRequest request, UserAccounts accounts,
        HttpContext context, CancellationToken cancellationToken)
    {
        var created = await accounts.CreateAsync(request, AccountChangeActor.From(context), cancellationToken);
        return created.Error is { } error
            ? ProblemResponses.From(error, context)
            : TypedResults.Created($"/api/admin/users/{created.Value!.User.Id}", created.Value);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Get(string id, UserDirectory directory, HttpContext context,
        CancellationToken cancellationToken) =>
        await directory.FindAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(user)
            : ProblemResponses.From(DomainError.NotFound("The user", "该用户"), context);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Disable(string id, UserAccounts accounts, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await accounts.DisableAsync(id, AccountChangeActor.From(context), cancellationToken), context);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Enable(string id, UserAccounts accounts, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await accounts.EnableAsync(id, AccountChangeActor.From(context), cancellationToken), context);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ChangeRole(string id, RoleChangeRequest request,
        UserAccounts accounts, HttpContext context, CancellationToken cancellationToken) =>
        Answer(await accounts.ChangeRoleAsync(id, request, AccountChangeActor.From(context), cancellationToken), context);

    private static async Task<Results<Ok<IssuedPassword>, ProblemHttpResult>> ResetPassword(string id, UserAccounts accounts,
        HttpContext context, CancellationToken cancellationToken)
    {
        var reset = await accounts.ResetPasswordAsync(id, AccountChangeActor.From(context), cancellationToken);
        return reset.Error is { } error ? ProblemResponses.From(error, context) : TypedResults.Ok(reset.Value!);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> ResetTwoFactor(string id, UserAccounts accounts, HttpContext context,
        CancellationToken cancellationToken) =>
        Answer(await accounts.ResetTwoFactorAsync(id, AccountChangeActor.From(context), cancellationToken), context);

    private static async Task<Results<Ok<IReadOnlyList<UserAdminEvent>>, ProblemHttpResult>> History(string id, UserDirectory directory,
        UserAdminLog log, HttpContext context, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is null)
        {
            return ProblemResponses.From(DomainError.NotFound("The user", "该用户"), context);
        }
        return TypedResults.Ok(await log.HistoryAsync(id, cancellationToken));
    }

    private static Results<Ok<UserView>, ProblemHttpResult> Answer(Outcome<UserView> outcome, HttpContext context) =>
        outcome.Error is { } error ? ProblemResponses.From(error, context) : TypedResults.Ok(outcome.Value!);

    private static string? Short(string? value) => value is { Length: > 64 } ? value[..64] : value;
}
