using Dispatch.EventSourcing;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Sla;
using Dispatch.Stats;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Generates legal-aid cases and visits and drives each through a random but plausible life over ten weeks with the real
/// rules, written as their grains write them (<see cref="SimulatedItem{TState,TEvent,TRow}"/>). Seeded.
/// </summary>
public sealed class CaseSimulation(EventStore store, SlaSettings sla)
{
    private static readonly DateTimeOffset Start = TicketSimulation.Start;
    private static readonly DateTimeOffset End = TicketSimulation.End;
    /// <summary>A complete eligibility checklist, recorded before every grant (the rules refuse a grant without one).</summary>
    private static readonly RecordEligibility Checklist = new()
    {
        Scope = "labour_relation_or_pay", Means = EligibilityVocabulary.NotVerified, ExemptPerson = "vulnerable_without_income", Competent = true,
    };

    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483", "330400"];

    private static readonly ItemWriting<LegalAidState, LegalAidEvent, LegalAidStatsRow> Cases = new(
        LegalAidStream.Kind, LegalAidProjection.NextClockChange, (s, c) => LegalAidRules.ClockEvents(s, c, Guid.NewGuid),
        (stored, next, clocks) => CountedRowWrite<LegalAidStatsRow>.Between(
            stored, LegalAidProjection.Row(next, clocks), StatsContribution.Of, [LegalAidProjection.Command(next, clocks)]));

    private static readonly ItemWriting<RehabState, RehabEvent, RehabStatsRow> Visits = new(
        RehabStream.Kind, RehabProjection.NextClockChange, (s, c) => RehabRules.ClockEvents(s, c, Guid.NewGuid),
        (stored, next, clocks) => CountedRowWrite<RehabStatsRow>.Between(
            stored, RehabProjection.Row(next, clocks), StatsContribution.Of, RehabProjection.Commands(next, clocks)));

    /// <summary>The one lawyer every simulated case is assigned to (not stored: the simulation writes no roster).</summary>
    private static readonly RosterMember Lawyer = new(new Guid("5151a0a0-0000-4000-8000-000000000001"), "330402-LEGAL", "模拟律师", "lawyer", null, null, null,
        [], RosterVocabulary.Active, null, null, Dispatch.LegalAid.RosterRules.MaxOpenCasesLimit, [], 1);

    private static readonly RotationOffer Rotation = new(Lawyer.Id, [new RotationEntry(Lawyer, 0, null, null, null, null, false)]);

    public async Task RunAsync(int cases, int visits, int workers)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < cases + visits)
            {
                await (index < cases ? CaseAsync(index) : VisitAsync(index));
            }
        }));
    }

    private async Task CaseAsync(int index)
    {
        var random = new Random(5151 + index);
        var county = Counties[random.Next(Counties.Length)];
        var c = new SimulatedItem<LegalAidState, LegalAidEvent, LegalAidStatsRow>(store, sla, Cases, new Guid(index, 0x0ca5, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 2]),
            Start.AddSeconds(random.Next(0, 60 * 24 * 3600)), LegalAidState.Empty);
        await c.WriteAsync(SimulatedItem<LegalAidState, LegalAidEvent, LegalAidStatsRow>.Admin, [new CaseOpened($"SIMFY-{index:D6}",
            new PersonView("模拟申请人", "13800000001", null, null, county, null, null), "phone:13800000001", "labour_dispute", "模拟申请",
            county + "-LEGAL", county == "330400", null, LegalAidClockRules.From(sla.RulesAt(c.Now)), "sim")]);
        await c.AfterAsync(Hours(random, 1, 30));
        await c.DecideAsync((s, k) => LegalAidRules.Accept(s, Admin, new CaseNote(null), k));
        if (random.NextDouble() < 0.1)
        {
            // Left under review: stops between its warning point and its deadline, so it stays at risk.
            await c.AfterAsync(c.Clocks.Evaluate(c.State.Decision!).WarnAt - c.Now + TimeSpan.FromMinutes(1));
            return;
        }
        if (random.NextDouble() < 0.2)
        {
            await c.AfterAsync(Hours(random, 2, 48));
            await c.DecideAsync((s, k) => LegalAidRules.RequestDocuments(s, Admin, new RequestDocuments("身份证明", null), k));
            await c.AfterAsync(Hours(random, 12, 120));
            await c.DecideAsync((s, k) => LegalAidRules.ReceiveDocuments(s, Admin, new CaseNote(null), k));
        }
        await c.AfterAsync(Hours(random, 4, 300));
        var granted = random.NextDouble() < 0.75
            ? await c.DecideAsync((s, k) => LegalAidRules.RecordEligibility(s, Admin, Checklist, k))
                && await c.DecideAsync((s, k) => LegalAidRules.Grant(s, Admin, new CaseNote(null), k))
            : await RefuseAsync(c, random);
        if (!granted || random.NextDouble() < 0.1)
        {
            await c.AfterAsync(End - c.Now);
            return;
        }
        await c.AfterAsync(Hours(random, 2, 120));
        await c.DecideAsync((s, k) => LegalAidRules.Assign(s, Admin, new AssignHandler(Lawyer.Id), k, Rotation));
        await c.AfterAsync(Hours(random, 12, 150));
        await c.DecideAsync((s, k) => LegalAidRules.RecordAgreement(s, Admin, new RecordAgreement(sla.LocalDate(c.Now), null), k, sla.LocalDate(c.Now)));
        if (random.NextDouble() < 0.6)
        {
            await c.AfterAsync(Hours(random, 48, 900));
            await c.DecideAsync((s, k) => LegalAidRules.Conclude(s, Admin, new ConcludeCase("mediated", "模拟结案"), k));
        }
        await c.AfterAsync(End - c.Now);
    }

    private static async Task<bool> RefuseAsync(SimulatedItem<LegalAidState, LegalAidEvent, LegalAidStatsRow> c, Random random)
    {
        await c.DecideAsync((s, k) => LegalAidRules.Refuse(s, Admin, new RefuseAid("不符合条件"), k));
        if (random.NextDouble() < 0.5)
        {
            return false;
        }
        await c.AfterAsync(Hours(random, 2, 72));
        await c.DecideAsync((s, k) => LegalAidRules.RecordObjection(s, Admin, new RecordObjection("申请复核"), k));
        await c.AfterAsync(Hours(random, 2, 150));
        var ruling = random.NextDouble() < 0.5 ? ObjectionRulings.Grant : ObjectionRulings.UpholdRefusal;
        return await c.DecideAsync((s, k) => LegalAidRules.DecideObjection(s, Admin, new DecideObjection(ruling, null), k)) && ruling == ObjectionRulings.Grant;
    }

    private async Task VisitAsync(int index)
    {
        var random = new Random(7171 + index);
        var county = Counties[random.Next(Counties.Length)];
        var v = new SimulatedItem<RehabState, RehabEvent, RehabStatsRow>(store, sla, Visits, new Guid(index, 0x051a, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 3]),
            Start.AddSeconds(random.Next(0, 60 * 24 * 3600)), RehabState.Empty);
        await v.WriteAsync(Admin, [new VisitRequested($"SIMKF-{index:D6}", new PersonView("模拟服务对象", "13800000002", null, null, county, null, null),
            "phone:13800000002", "rehabilitation_training", county == "330400" ? "330400-REHAB" : county + "-REHAB-1", null, null, null,
            random.NextDouble() < 0.8, v.Now, null, RehabClockRules.From(sla.RulesAt(v.Now)), "sim")]);
        if (random.NextDouble() < 0.1)
        {
            await v.AfterAsync(Hours(random, 1, 48));
            await v.DecideAsync((s, _) => RehabRules.Cancel(s, Admin, new VisitReason("本人取消")));
            await v.AfterAsync(End - v.Now);
            return;
        }
        var window = v.Now + Hours(random, 20, 200);
        await v.DecideAsync((s, _) => RehabRules.Schedule(s, Admin, new ScheduleVisit(window, 120, null), v.Now));
        await v.AfterAsync(Hours(random, 1, 10));
        await v.DecideAsync((s, _) => RehabRules.Assign(s, Admin, new AssignWorker($"SIM{index}", "模拟康复员"), null));
        await v.AfterAsync(window - v.Now + TimeSpan.FromMinutes(random.Next(0, 30)));
        if (random.NextDouble() < 0.12)
        {
            await v.DecideAsync((s, _) => RehabRules.Miss(s, Admin, new VisitReason("家中无人"), v.Now));
            await v.AfterAsync(End - v.Now);
            return;
        }
        await v.DecideAsync((s, _) => RehabRules.CheckIn(s, Admin, new VisitNote(null), v.Now));
        await v.AfterAsync(Hours(random, 0.5, 1.9));
        var notesNow = random.NextDouble() < 0.5;
        await v.DecideAsync((s, _) => RehabRules.Complete(s, Admin, new VisitRecord(notesNow ? "完成训练" : null)));
        if (!notesNow && random.NextDouble() < 0.8)
        {
            await v.AfterAsync(Hours(random, 1, 60));
            await v.DecideAsync((s, _) => RehabRules.Record(s, Admin, new VisitRecord("补记")));
        }
        await v.AfterAsync(End - v.Now);
    }

    private static readonly Dispatch.Identity.Actor Admin = SimulatedItem<RehabState, RehabEvent, RehabStatsRow>.Admin;

    private static TimeSpan Hours(Random random, double from, double to) => TimeSpan.FromSeconds(Math.Round((from + random.NextDouble() * (to - from)) * 3600));
}
