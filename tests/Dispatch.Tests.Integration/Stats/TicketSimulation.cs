using Dispatch.EventSourcing;
using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Stats;
using Dispatch.Tickets;
using Dispatch.Routing;
using Dispatch.Items;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Generates tickets and drives each through a random but plausible life over ten weeks, deciding every step with the
/// real life-cycle rules and writing it exactly as the ticket grain does (<see cref="TicketWrite"/>, one transaction per
/// write through <see cref="EventStore"/>), with the deadline watcher's warnings and overdue fired when they fall due.
/// Seeded, so a failure can be replayed.
/// </summary>
public sealed class TicketSimulation(EventStore store, SlaSettings sla)
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddDays(75);

    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483", "330400"];
    private static readonly string[] Kinds = ["inquiry", "help", "complaint", "suggestion", "petition"];
    private static readonly string[] Channels = ["phone", "phone", "online", "app"];
    private static readonly string[] Topics = ["care_services", "rehabilitation", "employment", "accessibility"];
    private static readonly string[] Satisfactions = ["satisfied", "satisfied", "satisfied", "basically_satisfied", "basically_satisfied", "unsatisfied"];
    private static readonly Actor Operator = new("sim-operator", Roles.Operator, null, null);
    private static readonly Actor Admin = new("sim-admin", Roles.Admin, null, null);

    public async Task RunAsync(int tickets, int workers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < tickets)
            {
                await LiveAsync(index);
            }
        }));
    }

    private async Task LiveAsync(int index)
    {
        var random = new Random(12385 + index);
        var county = Counties[random.Next(Counties.Length)];
        var ticket = new SimulatedTicket(store, sla, new Guid(index, 0x5151, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]),
            Start.AddSeconds(random.Next(0, 60 * 24 * 3600)));
        var kind = Kinds[random.Next(Kinds.Length)];
        var urgency = random.NextDouble() < 0.1 ? "urgent" : "normal";
        // Breakdowns count by these: several channels and topics, and a town (one of two per county) or none.
        var channel = Channels[random.Next(Channels.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var town = random.Next(3) switch { 0 => null, 1 => county + "001", _ => county + "002" };
        await ticket.WriteAsync(Operator, new TicketRegistered($"SIM-{index:D6}",
            // One in nine is a letter without a phone or any contact: owed no callback, left out of the callback rate.
            index % 9 == 0
                ? new TicketDetails("letter", kind, topic, urgency, "模拟来信人", null, null, null, county, town, null, "模拟工单", "模拟内容", ContactMethod: "none")
                : new TicketDetails(channel, kind, topic, urgency, "模拟来电人", "13800000000", null, null, county, town, null, "模拟工单", "模拟内容"),
            index % 9 == 0 ? $"item:{index}" : "phone:13800000000", TicketClockRules.From(sla.RulesAt(ticket.Now), kind, urgency), random.NextDouble() < 0.15 ? random.Next(1, 3) : 0, "sim"));
        if (random.NextDouble() < 0.2)
        {
            await ticket.AfterAsync(Minutes(random, 1, 10));
            await ticket.DecideAsync(s => TicketRules.AnswerOnSpot(s, Operator, new ReplyToCaller("当场答复。")));
        }
        else if (!await HandleAsync(ticket, random, county))
        {
            await ticket.AfterAsync(End - ticket.Now);
            return;
        }
        await CallBackAsync(ticket, random, county);
        await ReviewsAsync(ticket, random, index, county);
        await ticket.AfterAsync(End - ticket.Now);
    }

    /// <summary>Now and then the petitioner asks for review (复查), and of the review's answer for re-review (复核).</summary>
    private async Task ReviewsAsync(SimulatedTicket answered, Random random, int index, string county)
    {
        var current = answered;
        var level = 0;
        while (TicketRules.MayAskReview(current.State) && random.NextDouble() < 0.4)
        {
            var stage = PetitionVocabulary.NextStage(current.State.Petition!.Stage)!;
            var body = stage == PetitionVocabulary.Review && county != "330400" ? "330400-CENTRE" : "330400-REVIEW";
            var id = new Guid(index, (short)(0x5152 + level++), 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]);
            var review = new SimulatedTicket(store, sla, id, current.Now + Hours(random, 2, 24 * 25));
            var number = $"SIM-{index:D6}-{stage}";
            var details = current.State.Details with { Title = "模拟复查申请", Content = "对答复不服，申请复查。" };
            await review.WriteAsync(Operator, [new TicketRegistered(number, details, current.State.PersonId,
                TicketClockRules.From(sla.RulesAt(review.Now), "petition", "normal"), 0, "sim", new PetitionOpening(stage, current.State.Id, current.State.Number, null)),
                new TicketDispatched(body, true, false, null)]);
            await current.AfterAsync(review.Now - current.Now);
            await current.WriteAsync(Operator, [new ReviewRequested(id, number, stage, review.Clocks.LocalDate(review.Now))]);
            await review.AfterAsync(Hours(random, 0.5, 24));
            await review.DecideAsync(s => TicketRules.Sign(s, Staff(s)));
            if (random.NextDouble() < 0.15)
            {
                await review.AfterAsync(End - review.Now);
                return;
            }
            await review.AfterAsync(Hours(random, 24, 24 * 35));
            var outcome = random.NextDouble() < 0.7 ? PetitionVocabulary.Upheld : PetitionVocabulary.Changed;
            await review.DecideAsync((s, k) => TicketRules.Resolve(s, Staff(s), new ReplyToCaller("复查意见。", Notice(k), outcome), k));
            await answered.AfterAsync(End - answered.Now);
            current = review;
        }
        if (current != answered)
        {
            await current.AfterAsync(End - current.Now);
        }
    }

    /// <summary>Dispatch to the end of handling; false when the ticket is left unresolved.</summary>
    private async Task<bool> HandleAsync(SimulatedTicket ticket, Random random, string county)
    {
        await ticket.AfterAsync(Minutes(random, 1, 90));
        await ticket.DecideAsync(s => TicketRules.Dispatch(s, Operator, new DispatchTicket(Unit(county, "CENTRE"), null), Target(county, "CENTRE"), false));
        if (random.NextDouble() < 0.1)
        {
            await ticket.AfterAsync(Hours(random, 0.5, 8));
            await ticket.DecideAsync(s => TicketRules.Return(s, Staff(s), new ReturnTicket("not_our_responsibility", null), Guid.NewGuid()));
            await ticket.AfterAsync(Hours(random, 0.5, 6));
            await ticket.DecideAsync(s => TicketRules.Dispatch(s, Operator, new DispatchTicket(Unit(county, "LEGAL"), null), Target(county, "LEGAL"), false));
        }
        if (random.NextDouble() < 0.08)
        {
            var rehab = county == "330400" ? "REHAB" : "REHAB-1";
            await ticket.AfterAsync(Hours(random, 0.5, 12));
            await ticket.DecideAsync(s => TicketRules.Transfer(s, Staff(s), new TransferTicket(Unit(county, rehab), null), Target(county, rehab)));
        }
        await ticket.AfterAsync(random.NextDouble() < 0.8 ? Hours(random, 0.1, 6) : Hours(random, 8, 72));
        await ticket.DecideAsync(s => TicketRules.Sign(s, Staff(s)));
        if (ticket.State.Petition is not null)
        {
            // 受理 within days, 不予受理 now and then: a refused petition is answered by its notice.
            var accepted = random.NextDouble() < 0.9;
            await ticket.AfterAsync(Hours(random, 2, 24 * 10));
            await ticket.DecideAsync((s, k) => TicketRules.DecideAcceptance(s, Staff(s),
                new DecideAcceptance(accepted, accepted ? null : "legal_channel", accepted ? null : "请通过法定途径解决。", Notice(k)), k));
            if (!accepted)
            {
                return true;
            }
        }
        await SuspendAndExtendAsync(ticket, random);
        if (random.NextDouble() < 0.12)
        {
            return false;
        }
        await ticket.AfterAsync(random.NextDouble() < 0.85 ? Hours(random, 2, 24 * 12) : Hours(random, 24 * 12, 24 * 40));
        await ticket.DecideAsync((s, k) => TicketRules.Resolve(s, Staff(s), new ReplyToCaller("已办理。", s.Petition is null ? null : Notice(k)), k));
        return true;
    }

    private static async Task SuspendAndExtendAsync(SimulatedTicket ticket, Random random)
    {
        if (random.NextDouble() < 0.15)
        {
            var reason = TicketVocabulary.SuspendReasons.Where(r => r != "other").ElementAt(random.Next(5));
            await ticket.AfterAsync(Hours(random, 1, 24));
            await ticket.DecideAsync(s => TicketRules.Suspend(s, Staff(s), new SuspendTicket(reason, null)));
            if (random.NextDouble() < 0.8)
            {
                await ticket.AfterAsync(Hours(random, 2, 120));
                await ticket.DecideAsync(s => TicketRules.Resume(s, Staff(s), new TicketNote(null)));
            }
        }
        if (random.NextDouble() < 0.1)
        {
            await ticket.AfterAsync(Hours(random, 1, 48));
            var petition = ticket.State.Petition is not null;
            await ticket.DecideAsync(s => TicketRules.RequestExtension(s, Staff(s),
                petition ? new RequestExtension(20, "calendar_days", "需协调。") : new RequestExtension(2, "working_days", "需协调。"), Guid.NewGuid(), ticket.Clocks));
            await ticket.AfterAsync(Hours(random, 1, 24));
            var approved = random.NextDouble() < 0.7;
            await ticket.DecideAsync((s, k) => TicketRules.DecideExtension(s, petition ? Head(s) : Admin,
                new DecideExtension(null, approved, approved ? null : "理由不足。", Notice(k)), k));
        }
    }

    private static async Task CallBackAsync(SimulatedTicket ticket, Random random, string county)
    {
        if (random.NextDouble() < 0.15)
        {
            return;
        }
        await ticket.AfterAsync(Hours(random, 2, 72));
        var reached = random.NextDouble() < 0.9;
        var satisfaction = reached ? Satisfactions[random.Next(Satisfactions.Length)] : null;
        await ticket.DecideAsync((s, k) => TicketRules.RecordCallback(s, Operator, new RecordCallback(reached, satisfaction, null), k));
        if (satisfaction == "unsatisfied" && random.NextDouble() < 0.6)
        {
            await ticket.AfterAsync(Hours(random, 0.2, 4));
            await ticket.DecideAsync(s => TicketRules.Reopen(s, Operator, new TicketNote(null)));
            if (ticket.State.UnitCode is null)
            {
                await ticket.DecideAsync(s => TicketRules.Dispatch(s, Operator, new DispatchTicket(Unit(county, "CENTRE"), null), Target(county, "CENTRE"), false));
            }
            await ticket.AfterAsync(Hours(random, 0.5, 30));
            await ticket.DecideAsync(s => TicketRules.Sign(s, Staff(s)));
            await ticket.AfterAsync(Hours(random, 2, 24 * 8));
            await ticket.DecideAsync((s, k) => TicketRules.Resolve(s, Staff(s), new ReplyToCaller("重新办理。"), k));
            await ticket.AfterAsync(Hours(random, 2, 48));
            await ticket.DecideAsync((s, k) => TicketRules.RecordCallback(s, Operator, new RecordCallback(true, "satisfied", null), k));
        }
        if (random.NextDouble() < 0.8)
        {
            await ticket.AfterAsync(Hours(random, 1, 48));
            await ticket.DecideAsync(s => TicketRules.Close(s, Operator, new TicketNote(null)));
        }
    }

    private static string Unit(string county, string suffix) => $"{county}-{suffix}";

    private static UnitTarget Target(string county, string suffix) => new(Unit(county, suffix), county, true);

    private static Actor Staff(TicketState s) => new("sim-staff", Roles.UnitStaff, s.UnitCode, null);

    private static Actor Head(TicketState s) => new("sim-head", Roles.UnitStaff, s.UnitCode, null, UnitHead: true);

    /// <summary>A written notice to the petitioner, sent today.</summary>
    private static WrittenNoticeInput Notice(IClockReader clocks) => new("mail", clocks.LocalDate(clocks.Now), null);

    private static TimeSpan Minutes(Random random, double from, double to) => TimeSpan.FromSeconds(Math.Round((from + random.NextDouble() * (to - from)) * 60));

    private static TimeSpan Hours(Random random, double from, double to) => Minutes(random, from * 60, to * 60);
}

/// <summary>One simulated ticket: its state, its stored row and its own clock.</summary>
internal sealed class SimulatedTicket(EventStore store, SlaSettings sla, Guid id, DateTimeOffset registeredAt)
{
    public TicketState State { get; private set; } = TicketState.Empty;
    public TicketStatsRow? Row { get; private set; }
    public DateTimeOffset Now { get; private set; } = registeredAt;
    public ClockReader Clocks => new(sla, Now);

    /// <summary>Lets time pass; the deadline watcher fires at each warning point and due time on the way.</summary>
    public async Task AfterAsync(TimeSpan wait)
    {
        var until = Now + (wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        for (var guard = 0; guard < 20 && TicketProjection.NextClockChange(State, Clocks) is { } next && next <= until; guard++)
        {
            Now = next;
            var events = TicketRules.ClockEvents(State, Clocks, Guid.NewGuid);
            if (events.Count > 0)
            {
                await WriteAsync(Actor.Platform, [.. events]);
            }
        }
        Now = until;
    }

    /// <summary>Asks the rules, which also read the clocks now; a refused step is skipped.</summary>
    public Task DecideAsync(Func<TicketState, IClockReader, Change<TicketEvent>> decide) => DecideAsync(s => decide(s, Clocks));

    /// <summary>Asks the rules; a refused step is skipped, as a user would be told no.</summary>
    public async Task DecideAsync(Func<TicketState, Change<TicketEvent>> decide)
    {
        var decision = decide(State);
        if (decision.Error is null)
        {
            await WriteAsync(Deciding, [.. decision.Events]);
        }
    }

    public async Task WriteAsync(Actor actor, params TicketEvent[] events)
    {
        var write = TicketWrite.Prepare(id, State, Row, events, actor, Now, sla);
        var appended = await store.AppendAsync(TicketGrain.StreamType, "ticket-" + id.ToString("N"), write.Envelopes,
            TicketEventNames.Of, EventJson.Options, write.Commands);
        if (!appended)
        {
            throw new InvalidOperationException($"Ticket {id} v{State.Version + 1} was already written.");
        }
        State = write.Next;
        Row = write.Row;
    }

    /// <summary>Recorded as the author of decided steps; who may act was already checked by the rules.</summary>
    private static readonly Actor Deciding = new("sim-user", Roles.Operator, null, null);
}
