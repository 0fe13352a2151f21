using System.Globalization;
using Dispatch.Items;
using Dispatch.Numbers;
using Dispatch.People;
using Dispatch.Stats;
using Dispatch.Tickets;

namespace Dispatch.Bench.Seeding;

/// <summary>
/// One open ticket as an operator and a unit would make it: the intake, the unit it is dispatched to and the instants of
/// registration, dispatch and sign-for. The normal path (the HTTP API) and the bulk path (<see cref="TicketSeeds.Replay"/>)
/// both start from a plan, so the equality check can make the same ticket both ways.
/// </summary>
public sealed record TicketPlan(TicketIntake Intake, string UnitCode, DateTimeOffset ReceivedAt, DateTimeOffset DispatchedAt, DateTimeOffset? SignedAt);

public static class TicketSeeds
{
    /// <summary>Kinds with handling limits of five working days or more: a ticket received within the spread stays clear of its warning.</summary>
    private static readonly string[] Kinds = ["help", "help", "complaint", "suggestion"];
    private static readonly string[] Topics = ["care_services", "rehabilitation", "employment", "social_security", "accessibility", "certificates"];
    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483", "330400"];

    /// <summary>
    /// Ticket number <paramref name="n"/> of a seeded population: received at a random instant of the last
    /// <paramref name="spread"/> before <paramref name="now"/> (at least 15 minutes ago), in one of the seven counties or
    /// the city (each county's share equal), dispatched within minutes, mostly to the county's dispute-resolution centre,
    /// and signed for by the unit. The caller's phone is unique to <paramref name="n"/>, so the normal path would find no
    /// earlier calls (重复来电) either.
    /// </summary>
    public static TicketPlan Plan(long n, DateTimeOffset now, TimeSpan spread, IReadOnlyList<SeedUnit> units)
    {
        var random = new Random((int)(n % int.MaxValue) ^ 12385);
        var county = Counties[(int)(n % Counties.Length)];
        var inCounty = units.Where(u => u.Target.AreaCode == county && u.Target.Active).ToList();
        var centre = inCounty.FirstOrDefault(u => u.Kind == "centre") ?? inCounty[0];
        var unit = random.NextDouble() < 0.7 ? centre : inCounty[random.Next(inCounty.Count)];
        var received = now - TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(random.NextDouble() * (spread - TimeSpan.FromMinutes(15)).TotalSeconds);
        received = new DateTimeOffset(received.UtcTicks - received.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var dispatched = received + TimeSpan.FromSeconds(random.Next(30, 600));
        var signed = dispatched + TimeSpan.FromSeconds(random.Next(60, 300));
        var kind = Kinds[random.Next(Kinds.Length)];
        var topic = Topics[random.Next(Topics.Length)];
        var intake = new TicketIntake
        {
            Channel = "phone", Kind = kind, Topic = topic, Urgency = "normal",
            CallerName = "压测来电人" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture),
            CallerPhone = "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
            CountyCode = county,
            Content = $"规模压测工单 {n}：来电反映{TopicWords(topic)}问题，请承办单位核实处理并答复来电人。",
        };
        return new TicketPlan(intake, unit.Target.Code, received, dispatched, signed <= now ? signed : null);
    }

    /// <summary>Every seeded caller calls once: no earlier calls in the escalation ladder's window, as the API would record it.</summary>
    private static RecentCalls FirstCall(SeedingContext context) =>
        new(context.Sla.Supervision.Rung(SupervisionCauses.RepeatCaller)?.WithinDays ?? CallerHistory.RepeatDays, 0, []);

    /// <summary>
    /// The ticket of <paramref name="plan"/> replayed through the grain's own rules and write: registration by the operator
    /// (the intake validated as the grain validates it, the number given), dispatch to the planned unit, sign-for by the
    /// unit's staff, then the watcher's alarms up to <paramref name="until"/>.
    /// </summary>
    public static ItemReplay<TicketState, TicketEvent, TicketStatsRow> Replay(
        SeedingContext context, Guid id, TicketPlan plan, string number, DateTimeOffset until)
    {
        var operatorActor = context.Account("operator@jx12385.test");
        var validation = TicketIntakeRules.Validate(plan.Intake, context.Areas, context.Sla.LocalDate(plan.ReceivedAt));
        if (!validation.IsValid)
        {
            throw new InvalidOperationException($"A seeded intake is invalid: {string.Join(", ", validation.Error!.Fields.Select(f => f.Field + " " + f.Code))}");
        }
        var valid = validation.Intake;
        var personId = PersonIds.Of(valid.KnownResidentId, valid.CallerPhone, id);
        var fingerprint = OpeningFingerprint.Of(operatorActor, plan.Intake);
        var target = context.Units.First(u => u.Target.Code == plan.UnitCode).Target;
        var replay = new ItemReplay<TicketState, TicketEvent, TicketStatsRow>(TicketParts.Parts, context.Store, context.Sla, id);
        replay.Decide(operatorActor, plan.ReceivedAt, (_, _) =>
            TicketRules.Register(valid, personId, 0, number, context.Sla.RulesAt(plan.ReceivedAt), fingerprint, recent: FirstCall(context)));
        replay.Decide(operatorActor, plan.DispatchedAt, (s, _) => TicketRules.Dispatch(s, operatorActor, new DispatchTicket(plan.UnitCode, null), target, false));
        if (plan.SignedAt is { } signed)
        {
            var staff = context.StaffOf(plan.UnitCode);
            replay.Decide(staff, signed, (s, _) => TicketRules.Sign(s, staff));
        }
        replay.AdvanceTo(until);
        return replay;
    }

    /// <summary>Numbers for the plans, drawn per local day of receipt from the tickets' daily sequences.</summary>
    public static async Task<string[]> NumbersAsync(SeedingContext context, IReadOnlyList<TicketPlan> plans)
    {
        var numbers = new string[plans.Count];
        foreach (var day in Enumerable.Range(0, plans.Count).GroupBy(i => context.Sla.LocalDate(plans[i].ReceivedAt)))
        {
            var indexes = day.ToList();
            var first = await context.ReserveNumbersAsync(DailyNumberSeries.Tickets, day.Key, indexes.Count);
            for (var k = 0; k < indexes.Count; k++)
            {
                numbers[indexes[k]] = DailyNumberSeries.Tickets.Format(day.Key, first + k);
            }
        }
        return numbers;
    }

    private static string TopicWords(string topic) => topic switch
    {
        "care_services" => "残疾人护理补贴发放",
        "rehabilitation" => "康复服务预约",
        "employment" => "按比例就业安置",
        "social_security" => "社会保险补贴",
        "accessibility" => "无障碍设施",
        _ => "残疾人证办理",
    };
}
