using Dispatch.Items;
using Dispatch.Rehab;
using Dispatch.Web.ApiConventions;

namespace Dispatch.Web.Rehab;

/// <summary>
/// /api/rehab-providers/{code}/workers: a provider's worker roster (康复人员名册), its leave and history, and the workers
/// free for a visit's window. The roster grain checks who asks: outside one's scope the provider does not exist (404);
/// only the provider's staff and administrators change the roster (403).
/// </summary>
public static class RehabWorkerEndpoints
{
    public static RouteGroupBuilder MapRehabWorkersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rehab-providers/{code}/workers").WithTags(RehabVisitEndpoints.Tag).RequireAuthorization();
        group.MapGet("/", List).WithSummary("The provider's worker roster (康复人员名册): service types, towns, working days and hours, leave, active; phones masked");
        group.MapPost("/", Add).WithSummary("Add a worker to the roster (the provider's staff, administrators); an id already on the roster is a 400");
        group.MapPut("/{workerId}", Change).WithSummary("Change a worker's entry (name, phone, service types, towns, working days, hours, active: false when the worker left)");
        group.MapPost("/{workerId}/leave", AddLeave).WithSummary("Record leave for a worker (请假): from, to (dates, inclusive), reason");
        group.MapDelete("/{workerId}/leave/{leaveId:guid}", RemoveLeave).WithSummary("Withdraw a worker's leave");
        group.MapGet("/free", Free).WithSummary(
            "Workers who can take a window: visit={id}, or from, to, type and town; active, working that weekday and hours, not on leave, of the service type, covering the town, not booked then; least booked that week first");
        group.MapGet("/history", History).WithSummary("Every change of the roster (or of one worker: worker={id}), newest first, with who and when");
        return api;
    }

    private static Task<Results<Ok<RosterWorker[]>, ProblemHttpResult>> List(string code, IGrainFactory grains, HttpContext context) =>
        Answer(Roster(grains, code).List(context.User.ToActor()), context);

    private static async Task<Results<Created<RosterWorker>, ProblemHttpResult>> Add(string code, WorkerDefinition worker, IGrainFactory grains, HttpContext context)
    {
        var outcome = await Roster(grains, code).Add(worker, context.User.ToActor());
        return outcome.Succeeded
            ? TypedResults.Created($"/api/rehab-providers/{code}/workers/{outcome.Value!.WorkerId}", outcome.Value)
            : ProblemResponses.From(outcome.Error!, context);
    }

    private static Task<Results<Ok<RosterWorker>, ProblemHttpResult>> Change(
        string code, string workerId, WorkerDefinition worker, IGrainFactory grains, HttpContext context) =>
        Answer(Roster(grains, code).Change(workerId, worker, context.User.ToActor()), context);

    private static Task<Results<Ok<RosterWorker>, ProblemHttpResult>> AddLeave(
        string code, string workerId, LeaveRequest leave, IGrainFactory grains, HttpContext context) =>
        Answer(Roster(grains, code).AddLeave(workerId, leave, context.User.ToActor()), context);

    private static Task<Results<Ok<RosterWorker>, ProblemHttpResult>> RemoveLeave(
        string code, string workerId, Guid leaveId, IGrainFactory grains, HttpContext context) =>
        Answer(Roster(grains, code).RemoveLeave(workerId, leaveId, context.User.ToActor()), context);

    private static Task<Results<Ok<RosterChange[]>, ProblemHttpResult>> History(string code, string? worker, IGrainFactory grains, HttpContext context) =>
        Answer(Roster(grains, code).History(string.IsNullOrWhiteSpace(worker) ? null : worker.Trim(), context.User.ToActor()), context);

    private static async Task<Results<Ok<FreeWorker[]>, ProblemHttpResult>> Free(
        string code, Guid? visit, DateTimeOffset? from, DateTimeOffset? to,
        [ClosedSet(typeof(RehabVocabulary), nameof(RehabVocabulary.ServiceTypes))] string? type, string? town, IGrainFactory grains, HttpContext context)
    {
        var actor = context.User.ToActor();
        FreeWorkerQuery query;
        if (visit is { } visitId)
        {
            var found = await grains.GetGrain<IRehabVisitGrain>(visitId).Get(actor);
            if (!found.Succeeded || found.Value!.ProviderCode != code)
            {
                return ProblemResponses.From(found.Error ?? DomainError.NotFound("Rehabilitation visit", "上门康复服务"), context);
            }
            if (found.Value.WindowStart is not { } start || found.Value.WindowEnd is not { } end)
            {
                return ProblemResponses.Validation(context, new FieldError("visit", "no_window", "该上门服务尚未排期，无法查找空闲人员。",
                    "The visit has no window yet, so there is no time to find free workers for."));
            }
            query = new FreeWorkerQuery(start, end, found.Value.ServiceType, found.Value.Person.TownCode, visitId);
        }
        else
        {
            FieldError[] errors = [.. new[]
            {
                from is null ? new FieldError("from", "required", "请填写开始时间，或指定 visit。", "The start (from) or a visit is required.") : null,
                to is null || (from is not null && to <= from)
                    ? new FieldError("to", to is null ? "required" : "invalid_value", "请填写晚于开始时间的结束时间。", "An end (to) after the start is required.")
                    : null,
                ListParameters.OneOf("type", type, RehabVocabulary.ServiceTypes, "服务类型", "Type")
                    ?? (type is null ? new FieldError("type", "required", "请填写服务类型。", "The service type is required.") : null),
            }.OfType<FieldError>()];
            if (errors.Length > 0)
            {
                return ProblemResponses.Validation(context, errors);
            }
            query = new FreeWorkerQuery(from!.Value, to!.Value, type!, string.IsNullOrWhiteSpace(town) ? null : town.Trim(), null);
        }
        return await Answer(Roster(grains, code).Free(query, actor), context);
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(Task<Outcome<T>> call, HttpContext context) =>
        ItemResponses.Answer(await call, context);

    private static IRehabRosterGrain Roster(IGrainFactory grains, string code) => grains.GetGrain<IRehabRosterGrain>(code);
}
