using Dispatch.Units;
using Dispatch.Web.Reference;

namespace Dispatch.Web.Auth;

/// <summary>One account per role and scope for local runs; the README lists them.</summary>
public static class DemoAccounts
{
    /// <summary>Shared by every demo account. Outside Development the app refuses to start while any account still uses it.</summary>
    public const string Password = "Demo#12385";

    public const string Domain = "jx12385.test";

    /// <summary>An address in the demo domain: never a real user's, and never allowed outside Development.</summary>
    public static bool IsDemo(string email) =>
        email.Trim().EndsWith("@" + Domain, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<DemoAccount> For(IReadOnlyList<AreaSummary> areas, IReadOnlyList<UnitSummary> units)
    {
        var accounts = new List<DemoAccount>
        {
            new($"operator@{Domain}", Roles.Operator, "话务员（演示）", null, null),
            new($"admin@{Domain}", Roles.Admin, "系统管理员（演示）", null, null),
        };
        foreach (var area in areas)
        {
            var email = area.Level == "city" ? $"supervisor@{Domain}" : $"supervisor.{area.Code}@{Domain}";
            accounts.Add(new(email, Roles.Supervisor, $"{area.Name}督办（演示）", null, area.Code));
        }
        foreach (var unit in units)
        {
            accounts.Add(new($"staff.{unit.Code.ToLowerInvariant()}@{Domain}", Roles.UnitStaff, $"{unit.Name}承办人（演示）", unit.Code, null));
            if (unit.Kind is UnitKinds.Centre or UnitKinds.PetitionReview or UnitKinds.LegalAid)
            {
                accounts.Add(new($"head.{unit.Code.ToLowerInvariant()}@{Domain}", Roles.UnitStaff, $"{unit.Name}负责人（演示）", unit.Code, null)
                {
                    UnitHead = true,
                });
            }
        }
        return accounts;
    }
}

/// <param name="UnitHead">Heads the unit (负责人): approves a petition's extension; keeps a legal-aid station's roster.</param>
public sealed record DemoAccount(string Email, string Role, string DisplayName, string? UnitCode, string? AreaCode)
{
    public bool UnitHead { get; init; }
}
