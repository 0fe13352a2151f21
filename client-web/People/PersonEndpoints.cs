namespace Dispatch.Web.People;

/// <summary>The person record (一人一档): everything the platform holds for one disabled person.</summary>
public static class PersonEndpoints
{
    public static RouteGroupBuilder MapPersonApi(this RouteGroupBuilder api)
    {
        api.MapGet("/persons/{personId}/timeline", Timeline).RequireAuthorization().WithTags("People 一人一档")
            .WithSummary("The person record (一人一档): tickets, legal-aid cases and rehabilitation visits of one person, newest first, " +
                "each with its itemType (ticket, legal_aid_case, rehab_visit). personId is the opaque id (p_...) an item or the " +
                "intake caller-history answer carries; an ID or phone number is refused with 400");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ProblemHttpResult>> Timeline(
        string personId, PersonTimeline timeline, HttpContext context, CancellationToken ct)
    {
        if (!personId.StartsWith(Dispatch.People.PersonIdKey.Prefix, StringComparison.Ordinal) || personId.Length > 64)
        {
            return ProblemResponses.Validation(context, new FieldError("personId", "invalid_format",
                "personId 须为事项或来电查询返回的 p_ 开头的编号，不能是身份证号或电话号码。",
                "personId must be the opaque p_... id an item or the caller lookup returns, never an ID or phone number."));
        }
        return TypedResults.Ok(await timeline.ReadAsync(context.User.ToActor(), personId, ct));
    }
}
