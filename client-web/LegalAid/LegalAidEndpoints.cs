using Dispatch.People;
using Dispatch.LegalAid;
using Dispatch.Web.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.LegalAid;

/// <summary>/api/legal-aid-cases: open (at a station or from a ticket), one case, its history, and one POST per action.</summary>
public static class LegalAidEndpoints
{
    public const string Tag = "Legal aid 法律援助";

    public static RouteGroupBuilder MapLegalAidApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/legal-aid-cases").WithTags(Tag).RequireAuthorization();
        group.MapPost("/", Open).WithSummary(
            "Register a legal-aid application at a station (法律援助申请). Requires an Idempotency-Key header; the same key returns the same case");
        group.MapGet("/", LegalAidListEndpoints.Search).WithSummary("Search cases (read model): q, county, station, status, type, overdue, page, pageSize");
        group.MapGet("/{id:guid}", Get).WithSummary("One case with its statutory deadlines (decision, assignment, agreement, objectionReview); ETag carries the version");
        group.MapGet("/{id:guid}/history", LegalAidListEndpoints.History).WithSummary("Every change of the case, in order: who, when, what");
        api.MapPost("/tickets/{id:guid}/legal-aid", OpenFromTicket).WithTags(Tag).RequireAuthorization().WithSummary(
            "Open a legal-aid case from a ticket (转法律援助); applicant fields left out come from the ticket's caller. Idempotency-Key optional");

        Action(group, LegalAidActions.Accept, "Accept the application for review (受理); the 7-working-day decision clock starts", (CaseNote b) => (c, a, v) => c.Accept(b, a, v));
        Action(group, LegalAidActions.RequestDocuments, "Ask for missing documents (补充材料); the decision clock pauses", (RequestDocuments b) => (c, a, v) => c.RequestDocuments(b, a, v));
        Action(group, LegalAidActions.ReceiveDocuments, "Record that the documents arrived; the decision clock resumes", (CaseNote b) => (c, a, v) => c.ReceiveDocuments(b, a, v));
        Action(group, LegalAidActions.Grant, "Grant legal aid (决定给予援助); the assignment clock starts", (CaseNote b) => (c, a, v) => c.Grant(b, a, v));
        Action(group, LegalAidActions.Refuse, "Refuse with reasons (不予援助); the applicant may object within the objection window", (RefuseAid b) => (c, a, v) => c.Refuse(b, a, v));
        Action(group, LegalAidActions.Object, "Record the applicant's objection (异议); the 5-working-day review clock starts", (RecordObjection b) => (c, a, v) => c.RecordObjection(b, a, v));
        Action(group, LegalAidActions.DecideObjection, "Decide the objection (异议审查, supervisors): grant or uphold_refusal", (DecideObjection b) => (c, a, v) => c.DecideObjection(b, a, v));
        Action(group, LegalAidActions.Assign, "Assign a lawyer or legal worker (指派); the agreement clock starts", (AssignHandler b) => (c, a, v) => c.Assign(b, a, v));
        Action(group, LegalAidActions.RecordAgreement, "Record the signed agreement with the client (委托协议)", (RecordAgreement b) => (c, a, v) => c.RecordAgreement(b, a, v));
        Action(group, LegalAidActions.RecordProgress, "Record progress (办理进展)", (CaseNote b) => (c, a, v) => c.RecordProgress(b, a, v));
        Action(group, LegalAidActions.Conclude, "Conclude with an outcome (结案)", (ConcludeCase b) => (c, a, v) => c.Conclude(b, a, v));
        Action(group, LegalAidActions.Archive, "Archive (归档)", (CaseNote b) => (c, a, v) => c.Archive(b, a, v));
        Action(group, LegalAidActions.Supervise, "Issue a supervision order (督办, supervisors)", (CaseNote b) => (c, a, v) => c.Supervise(b, a, v));
        return api;
    }

    private delegate Task<Dispatch.Errors.Outcome<LegalAidCaseView>> CaseCall(ILegalAidCaseGrain legalAidCase, Actor actor, int? expectedVersion);

    private static void Action<TBody>(RouteGroupBuilder group, string action, string summary, Func<TBody, CaseCall> call) =>
        group.MapPost("/{id:guid}/" + action, (Guid id, [FromBody] TBody body, HttpContext context, IGrainFactory grains) =>
            ItemResponses.ActAsync(context, (actor, version) => call(body)(grains.GetGrain<ILegalAidCaseGrain>(id), actor, version),
                view => view.Version, Present)).WithSummary(summary);

    private static async Task<Results<Created<LegalAidCaseView>, Ok<LegalAidCaseView>, ProblemHttpResult>> Open(
        LegalAidApplication application, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains)
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        var id = ItemIds.FromKey(Dispatch.People.ItemTypes.LegalAidCase, actor.UserId, idempotencyKey!.Trim());
        return Opened(context, await grains.GetGrain<ILegalAidCaseGrain>(id).Open(application, actor), actor);
    }

    private static async Task<Results<Created<LegalAidCaseView>, Ok<LegalAidCaseView>, ProblemHttpResult>> OpenFromTicket(
        Guid id, [FromBody] LegalAidApplication application, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context, IGrainFactory grains)
    {
        if (idempotencyKey is { Length: > ItemIds.MaxKeyLength })
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var actor = context.User.ToActor();
        // Without a key, one user's repeat of the same referral from the same ticket reaches the same case.
        var caseId = ItemIds.FromKey(Dispatch.People.ItemTypes.LegalAidCase + "/ticket", actor.UserId, id + "\n" + idempotencyKey?.Trim());
        return Opened(context, await grains.GetGrain<ILegalAidCaseGrain>(caseId).OpenFromTicket(id, application, actor), actor);
    }

    private static Results<Created<LegalAidCaseView>, Ok<LegalAidCaseView>, ProblemHttpResult> Opened(
        HttpContext context, Dispatch.Errors.Outcome<CaseOpening> outcome, Actor actor)
    {
        var opening = outcome.Value;
        var view = outcome.Succeeded
            ? Dispatch.Errors.Outcome<LegalAidCaseView>.Success(opening!.Case)
            : Dispatch.Errors.Outcome<LegalAidCaseView>.Failure(outcome.Error!);
        return ItemResponses.Opened(context, view, opening?.Created ?? false, $"/api/legal-aid-cases/{opening?.Case.Id}",
            opening?.Case.Version ?? 0, actor, Present);
    }

    private static async Task<Results<Ok<LegalAidCaseView>, ProblemHttpResult>> Get(
        Guid id, HttpContext context, IGrainFactory grains, PersonalDataAccessLog accessLog) =>
        await ItemResponses.ShownAsync(context, await grains.GetGrain<ILegalAidCaseGrain>(id).Get(context.User.ToActor()), accessLog,
            Dispatch.People.ItemTypes.LegalAidCase, id, view => view.Version, Present);

    public static LegalAidCaseView Present(LegalAidCaseView view, Actor actor) => view with { Applicant = ItemResponses.Present(view.Applicant, actor) };
}
