using Dispatch.Web.Users;

namespace Dispatch.Web.Units;

/// <summary>A member of a unit as the 承办人 picker shows it: no e-mail, no sign-in details.</summary>
public sealed record UnitMemberSummary(string Id, string DisplayName, bool UnitHead);

/// <summary>GET /api/units/{unitCode}/members: the unit's active staff, for choosing an item's assignee.</summary>
public static class UnitMembersEndpoints
{
    /// <summary>More staff than one unit has; the list is not paged.</summary>
    private const int MaxMembers = 200;

    public static RouteGroupBuilder MapUnitMembersApi(this RouteGroupBuilder api)
    {
        api.MapUnitList("members", "Units 承办单位",
            "The unit's active staff (id, displayName, unitHead) for choosing an item's assignee (承办人); only within the user's scope", Members);
        return api;
    }

    private static Task<Results<Ok<IReadOnlyList<UnitMemberSummary>>, ProblemHttpResult>> Members(
        string unitCode, UserDirectory users, HttpContext context, CancellationToken ct) =>
        ItemLists.ReadOfUnitAsync<IReadOnlyList<UnitMemberSummary>>(context, unitCode, [], async _ =>
        {
            var found = await users.SearchAsync(new UserSearch(null, Roles.UnitStaff, null, unitCode, Disabled: false, 1, MaxMembers), ct);
            return [.. found.Items.Select(u => new UnitMemberSummary(u.Id, u.DisplayName, u.UnitHead)).OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
        });
}
