using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Auth;

/// <summary>A person who signs in: operator, unit staff, supervisor or administrator.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For unit_staff: the one unit whose work they see and act on.</summary>
    public string? UnitCode { get; set; }

    /// <summary>For unit_staff: heads the unit (负责人), and so approves a petition's extension.</summary>
    public bool UnitHead { get; set; }

    /// <summary>For supervisors: <see cref="Dispatch.Scopes.ActorScope.CityCode"/> for the whole city, or one county's code.</summary>
    public string? AreaCode { get; set; }

    /// <summary>Set with a temporary password; until changed, the user may only change it, read /me and sign out.</summary>
    public bool MustChangePassword { get; set; }
}
