using Microsoft.AspNetCore.Authorization;

namespace Dispatch.Web.Auth;

/// <summary>Authorization policies by role.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Supervisor = "supervisor";

    public static AuthorizationBuilder AddDispatchPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Operator, p => p.RequireRole(Roles.Operator, Roles.Admin))
        .AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
}
