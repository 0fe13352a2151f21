namespace Dispatch.Web.People;

/// <summary>The person record (一人一档): everything the platform holds for one disabled person.</summary>
public static class PersonEndpoints
{
    public static RouteGroupBuilder MapPersonApi(this RouteGroupBuilder api)
    {
        api.MapGet("/persons/{personId}/timeline", Timeline).RequireAuthorization().WithTags("People 一人一档")
            .WithSummary("The person record (一人一档): tickets, legal-aid cases and rehabilitation visits of one person, newest first, " +
                "each with its itemType (ticket, legal_aid_case, rehab_visit). personId is id:<ID number> or phone:<number>");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<TimelineEntry>>> Timeline(string personId, PersonTimeline timeline, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok(await timeline.ReadAsync(context.User.ToActor(), personId, ct));
}
