using Dispatch.Tickets;
using Dispatch.Web.ApiConventions;
using Dispatch.Web.Attachments;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.PersonalData;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Web.LegalAid;

/// <summary>/api/legal-aid-cases: open (at a station or from a ticket), one case, its history, and one POST per action.</summary>
public static class LegalAidEndpoints
{
    public const string Tag = "Legal aid 法律援助";

    private static readonly ItemEndpoints<ILegalAidCaseGrain, LegalAidCaseView> Cases = new(
        ItemTypes.LegalAidCase, "/legal-aid-cases", Tag, (legalAidCase, actor) => legalAidCase.Get(actor), view => view.Id, view => view.Version);

    public static RouteGroupBuilder MapLegalAidApi(this RouteGroupBuilder api)
    {
        var group = Cases.MapGroup(api);
        group.MapPost("/", (LegalAidApplication application, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IGrainFactory grains) =>
            Cases.OpenAsync(idempotencyKey, context, grains, (legalAidCase, actor) => legalAidCase.Open(application, actor), Opened)).WithSummary(
            "Register a legal-aid application at a station (法律援助申请). Requires an Idempotency-Key header; the same key returns the same case").WithIdempotencyKey(required: true, ItemIds.MaxKeyLength).WithETag();
        group.MapGet("/", LegalAidListEndpoints.Search).WithSummary("Search cases (read model): q, county, station, status, type, overdue, page, pageSize");
        Cases.MapReads(group, "One case with its statutory deadlines (decision, assignment, agreement, objectionReview); ETag carries the version",
            "Every change of the case, in order: who, when, what");
        Cases.MapReveal(group, RevealableFields.LegalAidCase);
        api.MapPost("/tickets/{id:guid}/legal-aid", (Guid id, [FromBody] LegalAidApplication application, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
            HttpContext context, IGrainFactory grains) =>
            Cases.OpenFromTicketAsync(id, idempotencyKey, context, grains, (legalAidCase, actor) => legalAidCase.OpenFromTicket(id, application, actor), Opened))
            .WithTags(Tag).RequireAuthorization().WithSummary(
                "Open a legal-aid case from a ticket (转法律援助); applicant fields left out come from the ticket's caller. Idempotency-Key optional").WithIdempotencyKey(required: false, ItemIds.MaxKeyLength).WithETag();

        Cases.MapAction(group, LegalAidActions.Accept, "Accept the application for review (受理); the 7-working-day decision clock starts", (CaseNote b) => (c, a, v) => c.Accept(b, a, v));
        Cases.MapAction(group, LegalAidActions.RequestDocuments,
            "Ask for missing documents (补充材料) by a day (respondBy, optional); the decision clock pauses", (RequestDocuments b) => (c, a, v) => c.RequestDocuments(b, a, v));
        Cases.MapAction(group, LegalAidActions.ReceiveDocuments, "Record that the documents arrived; the decision clock resumes", (CaseNote b) => (c, a, v) => c.ReceiveDocuments(b, a, v));
        Cases.MapAction(group, LegalAidActions.RecordEligibility,
            "Record the eligibility checklist (资格审查, 法律援助法 Arts. 31, 32, 34, 38, 42): scope, means condition and its basis or exemption, jurisdiction; replaces any earlier one",
            (RecordEligibility b) => (c, a, v) => c.RecordEligibility(b, a, v));
        Cases.MapAction(group, LegalAidActions.Grant, "Grant legal aid (决定给予援助) on a complete eligibility checklist; the assignment clock starts", (CaseNote b) => (c, a, v) => c.Grant(b, a, v));
        Cases.MapAction(group, LegalAidActions.Refuse, "Refuse with reasons (不予援助); the applicant may object within the objection window", (RefuseAid b) => (c, a, v) => c.Refuse(b, a, v));
        Cases.MapAction(group, LegalAidActions.Object, "Record the applicant's objection (异议); the 5-working-day review clock starts", (RecordObjection b) => (c, a, v) => c.RecordObjection(b, a, v));
        Cases.MapAction(group, LegalAidActions.DecideObjection, "Decide the objection (异议审查, supervisors): grant or uphold_refusal", (DecideObjection b) => (c, a, v) => c.DecideObjection(b, a, v));
        Cases.MapAction(group, LegalAidActions.Assign,
            "Assign a lawyer or legal worker (指派); the agreement clock starts. memberId (required): a roster member (another than the rotation's pick needs a reason; a conflict of interest is refused, 409)",
            (AssignHandler b) => (c, a, v) => c.Assign(b, a, v));
        group.MapGet("/{id:guid}/rotation", Rotation).WithSummary(
            "The roster's offer for a granted or assigned case (轮派): each member with why it is skipped (left, on_leave, at_cap, conflict) and the rotation's pick");
        Cases.MapAction(group, LegalAidActions.RecordAgreement, "Record the signed agreement with the client (委托协议)", (RecordAgreement b) => (c, a, v) => c.RecordAgreement(b, a, v));
        Cases.MapAction(group, LegalAidActions.RecordProgress, "Record progress (办理进展)", (CaseNote b) => (c, a, v) => c.RecordProgress(b, a, v));
        Cases.MapAction(group, LegalAidActions.Conclude, "Conclude with an outcome (结案)", (ConcludeCase b) => (c, a, v) => c.Conclude(b, a, v));
        Cases.MapAction(group, LegalAidActions.Archive, "Archive (归档)", (CaseNote b) => (c, a, v) => c.Archive(b, a, v));
        Cases.MapAction(group, LegalAidActions.Withdraw,
            "Deem the application withdrawn (视为撤回, 法律援助法 Art. 43) once the day set for the requested documents has passed without them",
            (CaseNote b) => (c, a, v) => c.Withdraw(b, a, v));
        Cases.MapAction(group, LegalAidActions.Transfer,
            "Transfer the case before the decision to the competent legal-aid station (移送, Art. 38): stationCode and reason; the new station records its own checklist",
            (TransferCase b) => (c, a, v) => c.Transfer(b, a, v));
        Cases.MapAction(group, LegalAidActions.Terminate, "Terminate aid after the grant (终止法律援助, Art. 48): reason code and note",
            (TerminateAid b) => (c, a, v) => c.Terminate(b, a, v));
        Cases.MapAction(group, LegalAidActions.Supervise, "Issue a supervision order (督办, supervisors)", (CaseNote b) => (c, a, v) => c.Supervise(b, a, v));
        Cases.MapAction(group, LegalAidActions.SupervisionReply, "The station's written reply to an open supervision order (督办回复, {orderId, reply}); closes the order",
            (ReplyToOrder b) => (c, a, v) => c.ReplyToOrder(b, a, v));
        Cases.MapWork(group);
        group.MapAttachments<ILegalAidCaseGrain>(ItemTypes.LegalAidCase);
        return api;
    }

    private static async Task<Results<Ok<RotationOffer>, ProblemHttpResult>> Rotation(Guid id, IGrainFactory grains, HttpContext context)
    {
        var offer = await grains.GetGrain<ILegalAidCaseGrain>(id).Rotation(context.User.ToActor());
        return offer.Succeeded ? TypedResults.Ok(offer.Value!) : ProblemResponses.From(offer.Error!, context);
    }

    private static (LegalAidCaseView, bool) Opened(CaseOpening opening) => (opening.Case, opening.Created);
}
