using Dispatch.Scopes;
using Dispatch.Web.Reference;

namespace Dispatch.Web.Items;

/// <summary>
/// How every item's list endpoints answer: 400 with every bad parameter at once, or the list as the read model gives it
/// for this user; a unit's lists (worklist, calendar) are not found for a user whose scope does not cover the unit (staff
/// of another unit, a supervisor of another county) nor for a code no unit has.
/// </summary>
public static class ItemLists
{
    /// <summary>GET /api/units/{unitCode}/{list}: one of a unit's lists of an item (worklist, calendar).</summary>
    public static RouteHandlerBuilder MapUnitList(this RouteGroupBuilder api, string list, string tag, string summary, Delegate handler) =>
        api.MapGet("/units/{unitCode}/" + list, handler).RequireAuthorization().WithTags(tag).WithSummary(summary);

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReadAsync<T>(
        HttpContext context, IEnumerable<FieldError?> errors, Func<Actor, Task<T>> read)
    {
        FieldError[] bad = [.. errors.OfType<FieldError>()];
        if (bad.Length > 0)
        {
            return ProblemResponses.Validation(context, bad);
        }
        return TypedResults.Ok(await read(context.User.ToActor()));
    }

    public static async Task<Results<Ok<T>, ProblemHttpResult>> ReadOfUnitAsync<T>(
        HttpContext context, string unitCode, IEnumerable<FieldError?> errors, Func<Actor, Task<T>> read)
    {
        var actor = context.User.ToActor();
        var county = await context.RequestServices.GetRequiredService<ReferenceQueries>().CountyOfUnitAsync(unitCode, context.RequestAborted);
        if (county is null || !ActorScope.Of(actor).Covers(county, unitCode))
        {
            return ProblemResponses.From(DomainError.NotFound("Unit", "单位"), context);
        }
        return await ReadAsync(context, errors, read);
    }
}
