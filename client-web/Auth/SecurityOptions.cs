namespace Dispatch.Web.Auth;

/// <summary>The "Security" settings: who must use two-factor sign-in, how often sessions are checked against the account.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Roles that must sign in with a second factor, comma-separated (e.g. "supervisor,admin"). When the setting
    /// is absent: none in Development (the demo accounts keep working), supervisor and admin elsewhere.
    /// </summary>
    public string? RequireTwoFactorFor { get; set; }

    /// <summary>How soon a cookie session notices that its account was disabled, re-scoped or given a new password.</summary>
    public TimeSpan SecurityStampValidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlySet<string> RolesRequiringTwoFactor(bool development)
    {
        var setting = RequireTwoFactorFor ?? (development ? "" : $"{Roles.Supervisor},{Roles.Admin}");
        return setting.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
    }
}
