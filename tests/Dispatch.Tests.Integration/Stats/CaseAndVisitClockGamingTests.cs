using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Stats;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.Stats;

/// <summary>
/// Clock gaming on legal-aid cases and home visits, on a fake clock and PostgreSQL: the signals are stored with the write
/// that raised them, listed with their evidence and counted in the unit's figures, whose rate divides by what the unit
/// handled (cases decided, visits completed).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAndVisitClockGamingTests(PostgresFixture database)
{
    private static readonly Actor Operator = new("gaming-operator", Roles.Operator, null, null);
    private static readonly Actor CitySupervisor = new("gaming-supervisor", Roles.Supervisor, null, "330400");
    private static readonly Actor Station = new("gaming-station", Roles.UnitStaff, "330411-LEGAL", "330411");
    private static readonly Actor Provider = new("gaming-provider", Roles.UnitStaff, "330424-REHAB-1", "330424");

    // Monday 2 March 2026 09:00 in Jiaxing: the 2012 rules give the decision 7 working days (52.5 working hours), 90% of
    // which would be used on Tuesday 10 March at 11:15 without a pause.
    private static readonly DateTimeOffset Monday = Local(2026, 3, 2, 9);

    [Fact]
    public async Task A_station_asking_for_documents_late_and_twice_shows_both_signals_with_evidence_and_a_rate_over_its_decided_cases()
    {
        var clock = new FakeTimeProvider(Monday);
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var cluster = await DispatchTestCluster.StartAsync(connectionString, time: clock);
        try
        {
            var legalAid = cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());
            (await legalAid.Open(new LegalAidApplication
            {
                Applicant = new PersonInput { Name = "周强", Phone = "13700002222", CountyCode = "330411" },
                CaseType = "labour_dispute",
                Summary = "用人单位拖欠工资三个月，申请法律援助。",
            }, Operator)).Error.Should().BeNull();
            (await legalAid.Accept(new CaseNote(null), Station, null)).Error.Should().BeNull();

            // Documents asked on Tuesday and received on Wednesday: one working day not counted, so 90% of the decision
            // clock is used a week later, on Wednesday 11 March at 11:15, when the station asks a second time.
            clock.SetUtcNow(Local(2026, 3, 3, 9));
            (await legalAid.RequestDocuments(new RequestDocuments("劳动合同复印件", null), Station, null)).Error.Should().BeNull();
            clock.SetUtcNow(Local(2026, 3, 4, 9));
            (await legalAid.ReceiveDocuments(new CaseNote(null), Station, null)).Error.Should().BeNull();
            clock.SetUtcNow(Local(2026, 3, 11, 11).AddMinutes(15));
            (await legalAid.RequestDocuments(new RequestDocuments("工资流水", null), Station, null)).Error.Should().BeNull();
            clock.SetUtcNow(Local(2026, 3, 12, 9));
            (await legalAid.ReceiveDocuments(new CaseNote(null), Station, null)).Error.Should().BeNull();
            (await legalAid.RecordEligibility(new RecordEligibility
            {
                Scope = "labour_relation_or_pay", Means = EligibilityVocabulary.NotVerified, ExemptPerson = "vulnerable_without_income", Competent = true,
            }, Station, null)).Error.Should().BeNull();
            (await legalAid.Grant(new CaseNote(null), Station, null)).Error.Should().BeNull();

            var signals = await SignalsAsync(cluster, "county:330411");
            signals.Should().HaveCount(2).And.OnlyContain(s => s.ItemType == ItemTypes.LegalAidCase && s.ItemId == legalAid.GetPrimaryKey()
                && s.UnitCode == "330411-LEGAL" && s.Evidence.Clock == LegalAidClockNames.Decision);
            var late = signals.Single(s => s.Kind == ClockGamingKinds.LateSuspension);
            late.Evidence.ShareUsed.Should().Be(0.9);
            signals.Single(s => s.Kind == ClockGamingKinds.RepeatedSuspension).Evidence.Count.Should().Be(2);
            foreach (var signal in signals)
            {
                (await EventTypeAsync(connectionString, LegalAidStream.Kind.StreamId(signal.ItemId), signal.Evidence.Events[^1]))
                    .Should().Be("documents_requested", signal.Kind);
            }

            var station = await UnitAsync(cluster, "county:330411", "330411-LEGAL");
            station.Handled.Should().Be(1, "the case was decided in March");
            station.Total.Count.Should().Be(2);
            station.Total.Rate.Should().Be(200);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_provider_rescheduling_a_visit_at_the_end_of_its_window_shows_a_late_reschedule_and_an_early_reschedule_shows_nothing()
    {
        var clock = new FakeTimeProvider(Monday);
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        var cluster = await DispatchTestCluster.StartAsync(connectionString, time: clock);
        try
        {
            var visit = cluster.Client.GetGrain<IRehabVisitGrain>(Guid.NewGuid());
            (await visit.Request(new VisitRequest
            {
                Person = new PersonInput { Name = "吴伟", Phone = "13600003333", CountyCode = "330424" }, ServiceType = "assessment",
                WindowStart = Local(2026, 3, 4, 10), WindowMinutes = 120,
            }, Operator)).Error.Should().BeNull();
            (await visit.Accept(new VisitNote(null), Provider, null)).Error.Should().BeNull();
            (await visit.Assign(new AssignWorker("W-GAMING", "孙丽"), Provider, null)).Error.Should().BeNull();

            // 95% of the two-hour window has passed at 11:54: moving the visit now hides a visit about to be missed.
            clock.SetUtcNow(Local(2026, 3, 4, 11).AddMinutes(54));
            (await visit.Reschedule(new ScheduleVisit(Local(2026, 3, 6, 10), 120, "家属临时有事"), Provider, null)).Error.Should().BeNull();
            // A day before the new window: ordinary planning.
            clock.SetUtcNow(Local(2026, 3, 5, 9));
            (await visit.Reschedule(new ScheduleVisit(Local(2026, 3, 6, 14), 120, "改到下午"), Provider, null)).Error.Should().BeNull();
            clock.SetUtcNow(Local(2026, 3, 6, 14).AddMinutes(10));
            (await visit.CheckIn(new VisitNote(null), Provider, null)).Error.Should().BeNull();
            (await visit.Complete(new VisitRecord("完成康复评估。"), Provider, null)).Error.Should().BeNull();

            var signal = (await SignalsAsync(cluster, "county:330424")).Should().ContainSingle().Subject;
            signal.Kind.Should().Be(ClockGamingKinds.LateReschedule);
            signal.ItemType.Should().Be(ItemTypes.RehabVisit);
            signal.UnitCode.Should().Be("330424-REHAB-1");
            signal.Evidence.Clock.Should().Be(RehabClockNames.Window);
            signal.Evidence.ShareUsed.Should().Be(0.95);
            (await EventTypeAsync(connectionString, RehabStream.Kind.StreamId(signal.ItemId), signal.Evidence.Events[^1])).Should().Be("rescheduled");

            var provider = await UnitAsync(cluster, "county:330424", "330424-REHAB-1");
            provider.Handled.Should().Be(1, "the visit was completed in March");
            provider.Kinds.Single(k => k.Kind == ClockGamingKinds.LateReschedule).Count.Should().Be(1);
            provider.Total.Rate.Should().Be(100);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<ClockGamingSignal>> SignalsAsync(TestCluster cluster, string scope)
    {
        var found = await cluster.Client.GetGrain<IClockGamingGrain>(0).Signals(
            new ClockGamingQuery { Scope = scope, Period = "month", Date = new DateOnly(2026, 3, 1), PageSize = 100 }, CitySupervisor);
        found.Error.Should().BeNull();
        return found.Value!.Items;
    }

    private static async Task<ClockGamingUnit> UnitAsync(TestCluster cluster, string scope, string unit)
    {
        var report = await cluster.Client.GetGrain<IClockGamingGrain>(0).Report(scope, "month", new DateOnly(2026, 3, 1), CitySupervisor);
        report.Error.Should().BeNull();
        return report.Value!.Units.Should().ContainSingle(u => u.UnitCode == unit).Subject;
    }

    private static async Task<string?> EventTypeAsync(string connectionString, string stream, int version)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand("select event_type from domain_events where stream_id = $1 and version = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        return (string?)await command.ExecuteScalarAsync();
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}
