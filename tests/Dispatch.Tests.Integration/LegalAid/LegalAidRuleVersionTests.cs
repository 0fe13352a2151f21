using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.LegalAid;

/// <summary>
/// Rule versions on a real silo and a fake clock: a case received before 1 December 2026 keeps version 1 (the 2012
/// procedural rules and local practice) for life; one received from then on follows version 2 (《法律援助法》).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LegalAidRuleVersionTests(PostgresFixture database)
{
    private static readonly Actor Operator = new("legal-version-operator", Roles.Operator, null, null);
    private static readonly Actor Station = new("legal-version-staff", Roles.UnitStaff, "330411-LEGAL", "330411");

    // Monday 30 November 2026, 10:00 in Jiaxing: the last day of version 1.
    private static readonly DateTimeOffset LastDayOfVersion1 = Local(2026, 11, 30, 10);

    [Fact]
    public async Task A_case_received_under_version_1_keeps_it_after_version_2_takes_effect()
    {
        var clock = new FakeTimeProvider(LastDayOfVersion1);
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), time: clock);
        try
        {
            var legalAid = await OpenedCaseAsync(cluster);
            clock.SetUtcNow(Local(2026, 12, 2, 10));

            var accepted = (await legalAid.Accept(new CaseNote(null), Station, null)).Value!;

            accepted.Deadlines.Decision!.RuleVersion.Should().Be(1);
            accepted.Deadlines.Decision.Length.Should().Be("7 working_days");
            accepted.Deadlines.Decision.StartedAt.Should().Be(Local(2026, 12, 2, 10), "under version 1 the decision runs from acceptance");
            var refused = (await legalAid.Refuse(new RefuseAid("经济状况不符合援助条件。"), Station, null)).Value!;
            refused.ObjectionWindowEndsAt.Should().NotBeNull("version 1 keeps the local 7-working-day objection window");
            refused.AllowedActions.Should().Equal(LegalAidActions.Object);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_case_received_from_1_December_2026_follows_the_law()
    {
        var clock = new FakeTimeProvider(Local(2026, 12, 1, 9));
        var cluster = await DispatchTestCluster.StartAsync(await database.CreateIsolatedDatabaseAsync(), time: clock);
        try
        {
            var legalAid = await OpenedCaseAsync(cluster);
            var opened = (await legalAid.Get(Operator)).Value!;
            opened.Deadlines.Decision!.RuleVersion.Should().Be(2);
            opened.Deadlines.Decision.Length.Should().Be("7 calendar_days");
            opened.Deadlines.Decision.StartedAt.Should().Be(Local(2026, 12, 1, 9), "the Law counts from receipt of the application");

            clock.SetUtcNow(Local(2026, 12, 2, 10));
            var accepted = (await legalAid.Accept(new CaseNote(null), Station, null)).Value!;
            accepted.Deadlines.Decision!.StartedAt.Should().Be(Local(2026, 12, 1, 9), "acceptance does not restart it");

            var refused = (await legalAid.Refuse(new RefuseAid("经济状况不符合援助条件。"), Station, null)).Value!;
            refused.ObjectionWindowEndsAt.Should().BeNull("the Law gives the applicant no objection window");
            refused.AllowedActions.Should().BeEquivalentTo([LegalAidActions.Object, LegalAidActions.Archive]);
            clock.SetUtcNow(Local(2027, 1, 15, 10));
            var objected = (await legalAid.RecordObjection(new RecordObjection("家庭收入已低于当地低保标准。"), Operator, null)).Value!;
            objected.Deadlines.ObjectionReview!.Length.Should().Be("5 calendar_days");
            objected.Deadlines.ObjectionReview.RuleVersion.Should().Be(2);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static async Task<ILegalAidCaseGrain> OpenedCaseAsync(TestCluster cluster)
    {
        var legalAid = cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());
        var opened = await legalAid.Open(new LegalAidApplication
        {
            Applicant = new PersonInput { Name = "吴敏", Phone = "13700004444", CountyCode = "330411" },
            CaseType = "labour_dispute",
            Summary = "用人单位拖欠工资，申请法律援助。",
        }, Operator);
        opened.Error.Should().BeNull();
        return legalAid;
    }
}
