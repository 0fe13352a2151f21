using System.Globalization;
using Dispatch.Items;
using Dispatch.Numbers;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Stats;

namespace Dispatch.Bench.Seeding;

/// <summary>
/// Home-rehabilitation visits whose window ends at a chosen instant: the deadline probes. A visit's window clock counts
/// elapsed time (not working time), so its overdue instant is exact at any hour, which a ticket's working-time clocks are
/// not outside office hours. Each probe is a visit requested by its provider's staff, then accepted and scheduled by them
/// (the rules' Accept and Schedule) an hour before its window starts; the window is the shortest the rules
/// allow, so the warning (75%) has fired before the probe is stored and the next change is the window's end.
/// </summary>
public static class ProbeVisits
{
    public const int WindowMinutes = RehabClockRules.MinWindowMinutes;

    public static ItemReplay<RehabState, RehabEvent, RehabStatsRow> Replay(
        SeedingContext context, Guid id, long n, string number, DateTimeOffset windowEnd, DateTimeOffset until)
    {
        var providers = context.Units.Where(u => u.Kind == "rehab" && u.Target.Active).ToList();
        var provider = providers[(int)(n % providers.Count)].Target;
        var staff = context.StaffOf(provider.Code);
        var windowStart = windowEnd - TimeSpan.FromMinutes(WindowMinutes);
        var requested = windowStart - TimeSpan.FromHours(1);
        var phone = "137" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        if (!PhoneNumber.TryParse(phone, out var parsed, out _))
        {
            throw new InvalidOperationException("A seeded phone number does not parse.");
        }
        var person = new PersonView("压测服务对象" + (n % 1000).ToString("D3", CultureInfo.InvariantCulture), phone, null, null, provider.AreaCode, null, null);
        var replay = new ItemReplay<RehabState, RehabEvent, RehabStatsRow>(RehabParts.Parts, context.Store, context.Sla, id);
        replay.Record(staff, requested,
        [
            new VisitRequested(number, person, PersonIds.Of(null, parsed), "rehabilitation_training", provider.Code, null, null, null,
                FirstVisit: true, requested, null, RehabClockRules.From(context.Sla.RulesAt(requested)),
                OpeningFingerprint.Of(staff, new { n, provider.Code }), AwaitsAcceptance: true),
        ]);
        replay.Decide(staff, requested, (s, _) => RehabRules.Accept(s, staff, new VisitNote(null), requested));
        replay.Decide(staff, requested, (s, _) => RehabRules.Schedule(s, staff, new ScheduleVisit(windowStart, WindowMinutes, null), requested));
        replay.AdvanceTo(until);
        return replay;
    }

    public static async Task<int> FirstNumberAsync(SeedingContext context, DateOnly localDay, int count) =>
        await context.ReserveNumbersAsync(DailyNumberSeries.RehabVisits, localDay, count);
}
