using System.Collections.Immutable;
using Dispatch.Sla;

namespace Dispatch.Web.Calendar;

/// <summary>
/// /api/calendars: the working-day calendar the deadlines are counted on, year by year, for every signed-in user; its
/// administration (a year's State Council notice, county closures, each with a preview first) for administrators.
/// </summary>
public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendars").WithTags("Calendar 工作日历").RequireAuthorization();
        group.MapGet("/", Years)
            .WithSummary("The years of the working-day calendar with their status: official (State Council notice), provisional (derived from the holiday statute) 工作日历年度");
        group.MapGet("/{year:int}", Year)
            .WithSummary("One year's days off and make-up working days (调休上班), its status (official, provisional, missing) and source");
        group.MapPut("/{year:int}", Publish).RequireAuthorization(Policies.Admin)
            .WithSummary("Publish a year's State Council notice: holiday blocks, make-up working days, source text, reason (administrators); running clocks keep the time already used 发布年度放假通知");
        group.MapPost("/{year:int}/preview", PreviewYear).RequireAuthorization(Policies.Admin)
            .WithSummary("What publishing this notice would do now, changing nothing: open clocks moved, by how much, and which would become overdue (administrators)");
        group.MapGet("/{year:int}/history", History)
            .WithSummary("Every published version of a year, oldest first, with who published it, when and why");
        group.MapGet("/closures", Closures)
            .WithSummary("County closures (days off for one county's units, e.g. a typhoon day) 县级停工日; withdrawn ones with includeWithdrawn=true");
        group.MapPost("/closures", AddClosure).RequireAuthorization(Policies.Admin)
            .WithSummary("Add a county closure: countyCode, date, reason (administrators)");
        group.MapPost("/closures/preview", PreviewClosure).RequireAuthorization(Policies.Admin)
            .WithSummary("What adding this county closure would do now, changing nothing (administrators)");
        group.MapPost("/closures/{id:guid}/withdraw", WithdrawClosure).RequireAuthorization(Policies.Admin)
            .WithSummary("Withdraw a county closure, with a reason (administrators)");
        return api;
    }

    private static ICalendarAdminGrain Admin(IGrainFactory grains) => grains.GetGrain<ICalendarAdminGrain>(0);

    private static async Task<Ok<ImmutableArray<CalendarYearOutlook>>> Years(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICalendarGrain>(0).Years());

    private static async Task<Results<Ok<CalendarYearView>, ProblemHttpResult>> Year(int year, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await grains.GetGrain<ICalendarGrain>(0).Year(year), context);

    private static async Task<Results<Ok<CalendarChangeView>, ProblemHttpResult>> Publish(
        int year, CalendarYearDraft draft, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await Admin(grains).PublishYear(year, draft, context.User.ToActor()), context);

    private static async Task<Results<Ok<CalendarPreviewView>, ProblemHttpResult>> PreviewYear(
        int year, CalendarYearDraft draft, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await Admin(grains).PreviewYear(year, draft, context.User.ToActor()), context);

    private static async Task<Results<Ok<ImmutableArray<CalendarChangeView>>, ProblemHttpResult>> History(int year, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await grains.GetGrain<ICalendarGrain>(0).History(year), context);

    private static async Task<Ok<ImmutableArray<CountyClosureView>>> Closures(bool? includeWithdrawn, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICalendarGrain>(0).Closures(includeWithdrawn ?? false));

    private static async Task<Results<Created<CountyClosureView>, ProblemHttpResult>> AddClosure(
        CountyClosureDraft draft, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Admin(grains).AddClosure(draft, context.User.ToActor());
        return outcome.Succeeded
            ? TypedResults.Created($"/api/calendars/closures/{outcome.Value!.Id}", outcome.Value)
            : ProblemResponses.From(outcome.Error!, context);
    }

    private static async Task<Results<Ok<CalendarPreviewView>, ProblemHttpResult>> PreviewClosure(
        CountyClosureDraft draft, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await Admin(grains).PreviewClosure(draft, context.User.ToActor()), context);

    private static async Task<Results<Ok<CountyClosureView>, ProblemHttpResult>> WithdrawClosure(
        Guid id, ClosureWithdrawal withdrawal, IGrainFactory grains, HttpContext context) =>
        ItemResponses.Answer(await Admin(grains).WithdrawClosure(id, withdrawal, context.User.ToActor()), context);
}
