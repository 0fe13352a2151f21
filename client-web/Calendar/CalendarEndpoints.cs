using System.Collections.Immutable;
using Dispatch.Sla;

namespace Dispatch.Web.Calendar;

/// <summary>/api/calendars: the working-day calendar the deadlines are counted on, year by year, for every signed-in user.</summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendars").WithTags("Calendar 工作日历").RequireAuthorization();
        group.MapGet("/", Years)
            .WithSummary("The years of the working-day calendar with their status: official (State Council notice), provisional (derived from the holiday statute) 工作日历年度");
        group.MapGet("/{year:int}", Year)
            .WithSummary("One year's days off and make-up working days (调休上班), its status (official, provisional, missing) and source");
        return api;
    }

    private static async Task<Ok<ImmutableArray<CalendarYearOutlook>>> Years(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICalendarGrain>(0).Years());

    private static async Task<Results<Ok<CalendarYearView>, ProblemHttpResult>> Year(int year, IGrainFactory grains, HttpContext context)
    {
        var outcome = await grains.GetGrain<ICalendarGrain>(0).Year(year);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : ProblemResponses.From(outcome.Error!, context);
    }
}
