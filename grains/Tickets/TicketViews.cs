using System.Collections.Immutable;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.PersonalData;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>Turns a ticket's state into what the API shows, with its clocks evaluated now.</summary>
public static class TicketViews
{
    /// <summary>The ticket as every client gets it (PIPL): the caller's numbers masked; for supervisors the name masked and the free text screened.</summary>
    public static TicketView ForActor(TicketState s, IClockReader clocks, Actor actor) => Masked(From(s, clocks), actor);

    public static TicketView Masked(TicketView view, Actor actor) => PersonalDataMasks.Screened(view with
    {
        CallerName = PersonalDataMasks.Name(view.CallerName, actor),
        CallerPhone = PersonalDataMasks.MaskOptionalPhone(view.CallerPhone),
        ResidentId = PersonalDataMasks.MaskOptionalId(view.ResidentId),
        DisabilityCertificate = PersonalDataMasks.MaskOptionalId(view.DisabilityCertificate),
        OtherContact = PersonalDataMasks.MaskContact(view.OtherContact),
        Guardian = view.Guardian is { } g
            ? g with { Name = PersonalDataMasks.Name(g.Name, actor), Phone = PersonalDataMasks.MaskPhone(g.Phone) }
            : null,
    }, actor, view.CallerName, view.Guardian?.Name);

    /// <summary>The ticket with the caller's full numbers: for the silo's own use only, never answered to a client.</summary>
    public static TicketView From(TicketState s, IClockReader clocks) => new()
    {
        Id = s.Id,
        Number = s.Number,
        Status = s.Status,
        Suspended = s.Suspension is not null,
        SuspendReason = s.Suspension?.ReasonCode,
        MergedInto = s.MergedInto,
        MergedIntoNumber = s.MergedIntoNumber,
        Channel = s.Details.Channel,
        Kind = s.Details.Kind,
        Topic = s.Details.Topic,
        Urgency = s.Details.Urgency,
        CallerName = s.Details.CallerName,
        CallerPhone = s.Details.CallerPhone,
        ResidentId = s.Details.ResidentId,
        DisabilityCertificate = s.Details.DisabilityCertificate,
        ContactMethod = s.Details.Contact,
        OtherContact = s.Details.OtherContact,
        Guardian = s.Details is { GuardianName: { } name, GuardianPhone: { } phone }
            ? new GuardianView(name, s.Details.GuardianRelation ?? TicketVocabulary.GuardianRelations.First(), phone)
            : null,
        CountyCode = s.Details.CountyCode,
        TownCode = s.Details.TownCode,
        Address = s.Details.Address,
        Title = s.Details.Title,
        Content = s.Details.Content,
        PersonId = s.PersonId,
        UnitCode = s.UnitCode,
        Assignee = s.Assignee,
        ReceivedAt = s.ReceivedAt,
        FirstDispatchedAt = s.FirstDispatchedAt,
        ResolvedAt = s.ResolvedAt,
        ClosedAt = s.ClosedAt,
        Reply = s.Reply,
        AnsweredOnSpot = s.AnsweredOnSpot,
        Satisfaction = s.Satisfaction,
        ReturnCount = s.Returns.Count,
        TransferCount = s.TransferCount,
        ReworkCount = s.ReworkCount,
        RepeatCount = s.RepeatCount,
        AwaitingDispatch = s.AwaitingDispatch,
        AwaitingRuling = s.AwaitingRuling,
        Deadlines = new TicketDeadlines(
            DeadlineViews.From(s.SignFor, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Handling, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Callback, s.Rules.RuleVersion, clocks),
            DeadlineViews.From(s.Acceptance, s.Rules.RuleVersion, clocks)),
        Extensions = [.. s.Extensions.Select(e => new ExtensionView(e.RequestId, e.Amount.ToString(), e.Reason, e.RequestedAt, e.Approved, e.DecidedAt)
        {
            DecisionNote = e.DecisionNote, Notice = Notice(e.Notice),
        })],
        SupervisionOrders = [.. s.SupervisionOrders.Select(o => SupervisionViews.Of(o, clocks))],
        Callbacks = [.. s.Callbacks.Select(c => new CallbackView(c.Reached, c.Satisfaction, c.Note, c.At) { NextAttemptAt = c.NextAttemptAt, Notice = Notice(c.Notice) })],
        NextCallbackAt = s.NextCallbackAt,
        FailedCallbacks = s.FailedCallbacks,
        CallbackNoticeDue = s.CallbackNoticeDue,
        Returns = [.. s.Returns.Select(r => new ReturnView(r.FromUnit, r.ReasonCode, r.Note, r.At))],
        Duplicates = [.. s.Duplicates],
        Links = [.. s.Links],
        AllowedActions = TicketRules.AllowedActions(s),
        Version = s.Version,
        Petition = s.Petition is { } p ? Petition(s, p, clocks) : null,
    };

    private static PetitionView Petition(TicketState s, PetitionRecord p, IClockReader clocks) => new()
    {
        Stage = p.Stage,
        ReviewOfId = p.ReviewOfId,
        ReviewOfNumber = p.ReviewOfNumber,
        Acceptance = p.Decision is { } d ? new AcceptanceView(d.Accepted, d.ReasonCode, d.Note, Notice(d.Notice)!, d.At, d.UnitCode) : null,
        AnswerNotice = Notice(p.AnswerNotice),
        Outcome = p.Outcome,
        ReviewWindowEndsAt = TicketRules.MayAskReview(s) ? ReviewWindowEnd(s, p, clocks) : null,
        ReviewedBy = p.ReviewedBy is { } r ? new LinkedPetitionView(r.Id, r.Number, r.Stage) : null,
        Final = p.Stage == PetitionVocabulary.ReReview && s.ResolvedAt is not null,
        ConcludedBy = p.ConcludedBy,
    };

    /// <summary>The petitioner's window, counted from the day the answer was sent (a later arrival can be given with the request).</summary>
    private static DateTimeOffset ReviewWindowEnd(TicketState s, PetitionRecord p, IClockReader clocks)
    {
        var limits = s.Rules.Petition!;
        var sentOn = p.AnswerNotice?.SentOn ?? clocks.LocalDate(s.ResolvedAt!.Value);
        return clocks.PeriodEnd(sentOn, p.IsPetitionStage ? limits.ReviewRequest : limits.ReReviewRequest);
    }

    private static NoticeView? Notice(WrittenNotice? notice) => notice is null ? null : new(notice.Method, notice.SentOn, notice.Reference);
}
