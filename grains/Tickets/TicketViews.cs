using System.Collections.Immutable;
using Dispatch.Identity;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>Turns a ticket's state into what the API shows, with its clocks evaluated now.</summary>
public static class TicketViews
{
    public static TicketView From(TicketState s, IClockReader clocks, Actor actor) => new()
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
        CountyCode = s.Details.CountyCode,
        TownCode = s.Details.TownCode,
        Address = s.Details.Address,
        Title = s.Details.Title,
        Content = s.Details.Content,
        PersonId = s.PersonId,
        UnitCode = s.UnitCode,
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
            DeadlineViews.From(s.Callback, s.Rules.RuleVersion, clocks)),
        Extensions = [.. s.Extensions.Select(e => new ExtensionView(e.RequestId, e.Amount.ToString(), e.Reason, e.RequestedAt, e.Approved, e.DecidedAt))],
        SupervisionOrders = [.. s.SupervisionOrders.Select(o => new SupervisionView(o.OrderId, o.Cause, o.Note, o.IssuedAt))],
        Callbacks = [.. s.Callbacks.Select(c => new CallbackView(c.Reached, c.Satisfaction, c.Note, c.At))],
        Returns = [.. s.Returns.Select(r => new ReturnView(r.FromUnit, r.ReasonCode, r.Note, r.At))],
        Duplicates = [.. s.Duplicates],
        Links = [.. s.Links],
        AllowedActions = TicketRules.AllowedActions(s),
        Version = s.Version,
    };
}
