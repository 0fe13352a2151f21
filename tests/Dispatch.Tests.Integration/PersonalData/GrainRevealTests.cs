using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.LegalAid;
using Dispatch.People;
using Dispatch.PersonalData;
using Dispatch.Rehab;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Integration.Cluster;
using Dispatch.Tickets;
using FluentAssertions;
using Npgsql;
using Orleans.TestingHost;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>
/// A client of the cluster (the web app's place) calling the item grains directly: every view comes masked, whoever
/// asks, and a full number leaves a grain only through its Reveal, which checks role and scope itself and logs first.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainRevealTests(PostgresFixture database) : OwnClusterTests(database)
{
    private static readonly Actor Operator = new("reveal-operator", Roles.Operator, null, null);
    private static readonly Actor CitySupervisor = new("reveal-supervisor", Roles.Supervisor, null, "330400");
    private static readonly Actor CentreStaff = new("reveal-centre", Roles.UnitStaff, "330402-CENTRE", "330402");
    private static readonly Actor OtherCentreStaff = new("reveal-other-centre", Roles.UnitStaff, "330411-CENTRE", "330411");
    private static readonly Actor OtherStationStaff = new("reveal-other-station", Roles.UnitStaff, "330411-LEGAL", "330411");
    private static readonly Actor OtherProviderStaff = new("reveal-other-provider", Roles.UnitStaff, "330402-REHAB-2", "330402");

    [Fact]
    public async Task A_ticket_read_through_the_grain_is_masked_for_operator_staff_and_supervisor_alike()
    {
        var numbers = PersonalNumbers.New();
        var (ticket, registered) = await DispatchedTicketAsync(numbers, "赵建国");

        var seen = new[]
        {
            registered,
            (await ticket.Get(Operator)).Value!,
            (await ticket.Get(CentreStaff)).Value!,
            (await ticket.Get(CitySupervisor)).Value!,
        };

        seen.Should().AllSatisfy(view =>
        {
            view.CallerPhone.Should().Be(numbers.Phone[..3] + "****" + numbers.Phone[7..]);
            view.ResidentId.Should().Be(numbers.ResidentId[..6] + "********" + numbers.ResidentId[14..]);
            view.DisabilityCertificate.Should().Be(numbers.Certificate[..6] + "********" + numbers.Certificate[14..]);
        });
        seen[1].CallerName.Should().Be("赵建国");
        seen[3].CallerName.Should().Be("赵**");
        (await ticket.Get(OtherCentreStaff)).Error!.Kind.Should().Be(DomainErrorKind.NotFound);
    }

    [Fact]
    public async Task A_ticket_reveals_to_the_operator_only_and_logs_only_that_reveal()
    {
        var numbers = PersonalNumbers.New();
        var (ticket, view) = await DispatchedTicketAsync(numbers, "钱美华");

        var bySupervisor = await ticket.Reveal(new RevealRequest("callerPhone", "callback", null), "10.0.0.7", CitySupervisor);
        var byOtherUnit = await ticket.Reveal(new RevealRequest("callerPhone", "contact", null), "10.0.0.8", OtherCentreStaff);
        var byOperator = await ticket.Reveal(new RevealRequest("residentId", "data_request", "  当事人书面申请  "), "10.0.0.9", Operator);

        bySupervisor.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        byOtherUnit.Error!.Kind.Should().Be(DomainErrorKind.NotFound);
        byOperator.Value.Should().Be(new RevealedValue("residentId", numbers.ResidentId));
        (await LogRowsAsync(view.Id)).Should().Equal(
            new LogRow(Operator.UserId, "operator", "ticket", "residentId", "data_request", "当事人书面申请", "10.0.0.9"));
    }

    [Fact]
    public async Task The_tickets_own_unit_reveals_and_a_bad_field_or_purpose_is_refused_unlogged()
    {
        var numbers = PersonalNumbers.New();
        var (ticket, view) = await DispatchedTicketAsync(numbers, "孙立新");

        var badField = await ticket.Reveal(new RevealRequest("callerName", "callback", null), null, CentreStaff);
        var badPurpose = await ticket.Reveal(new RevealRequest("callerPhone", "curiosity", null), null, CentreStaff);
        var otherWithoutNote = await ticket.Reveal(new RevealRequest("callerPhone", "other", " "), null, CentreStaff);
        var shown = await ticket.Reveal(new RevealRequest("callerPhone", "contact", null), null, CentreStaff);

        new[] { badField, badPurpose, otherWithoutNote }.Should().AllSatisfy(o => o.Error!.Kind.Should().Be(DomainErrorKind.Validation));
        shown.Value!.Value.Should().Be(numbers.Phone);
        (await LogRowsAsync(view.Id)).Should().ContainSingle().Which.Role.Should().Be("unit_staff");
    }

    [Fact]
    public async Task A_legal_aid_case_is_masked_and_reveals_to_the_operator_only()
    {
        var numbers = PersonalNumbers.New();
        var legalAid = Cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());
        var opened = await legalAid.Open(new LegalAidApplication
        {
            Applicant = Person(numbers, "周丽"), CaseType = "labour_dispute", Summary = "用人单位拖欠工资三个月，申请法律援助。",
        }, Operator);
        opened.Error.Should().BeNull();

        var read = (await legalAid.Get(CitySupervisor)).Value!;
        var bySupervisor = await legalAid.Reveal(new RevealRequest("applicantPhone", "legal_service", null), null, CitySupervisor);
        var byOtherStation = await legalAid.Reveal(new RevealRequest("applicantPhone", "legal_service", null), null, OtherStationStaff);
        var byOperator = await legalAid.Reveal(new RevealRequest("disabilityCertificate", "legal_service", null), null, Operator);

        ShouldBeMasked(opened.Value!.Case.Applicant, numbers);
        ShouldBeMasked(read.Applicant, numbers);
        read.Applicant.Name.Should().Be("周**");
        bySupervisor.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        byOtherStation.Error!.Kind.Should().Be(DomainErrorKind.NotFound);
        byOperator.Value!.Value.Should().Be(numbers.Certificate);
        (await LogRowsAsync(read.Id)).Should().ContainSingle().Which.Should().Be(
            new LogRow(Operator.UserId, "operator", "legal_aid_case", "disabilityCertificate", "legal_service", null, null));
    }

    [Fact]
    public async Task A_visit_is_masked_and_reveals_to_the_operator_only()
    {
        var numbers = PersonalNumbers.New();
        var visit = Cluster.Client.GetGrain<IRehabVisitGrain>(Guid.NewGuid());
        var requested = await visit.Request(new VisitRequest
        {
            Person = Person(numbers, "吴伟"), ServiceType = "assessment", ProviderCode = "330402-REHAB-1",
        }, Operator);
        requested.Error.Should().BeNull();

        var read = (await visit.Get(Operator)).Value!;
        var bySupervisor = await visit.Reveal(new RevealRequest("personPhone", "contact", null), null, CitySupervisor);
        var byOtherProvider = await visit.Reveal(new RevealRequest("personPhone", "contact", null), null, OtherProviderStaff);
        var byOperator = await visit.Reveal(new RevealRequest("personPhone", "contact", null), null, Operator);

        ShouldBeMasked(requested.Value!.Visit.Person, numbers);
        ShouldBeMasked(read.Person, numbers);
        bySupervisor.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        byOtherProvider.Error!.Kind.Should().Be(DomainErrorKind.NotFound);
        byOperator.Value!.Value.Should().Be(numbers.Phone);
        (await LogRowsAsync(read.Id)).Should().ContainSingle().Which.ItemType.Should().Be("rehab_visit");
    }

    [Fact]
    public async Task A_plan_and_its_visits_are_masked_and_the_plan_reveals_its_person_to_the_operator_only()
    {
        var numbers = PersonalNumbers.New();
        var plan = Cluster.Client.GetGrain<IRehabPlanGrain>(Guid.NewGuid());
        var created = await plan.Create(new PlanRequest
        {
            Person = Person(numbers, "郑强"), ServiceType = "rehabilitation_training", ProviderCode = "330402-REHAB-1",
            FirstWindowStart = NextMondayNine(), Frequency = "weekly", Count = 2,
        }, Operator);
        created.Error.Should().BeNull(created.Error?.MessageEn);
        var planId = created.Value!.Plan.Id;

        var read = (await plan.Get(CitySupervisor)).Value!;
        var firstVisit = (await Cluster.Client.GetGrain<IRehabVisitGrain>(read.Visits[0].VisitId).Get(Operator)).Value!;
        var bySupervisor = await plan.Reveal(new RevealRequest("residentId", "contact", null), null, CitySupervisor);
        var byOtherProvider = await plan.Reveal(new RevealRequest("residentId", "contact", null), null, OtherProviderStaff);
        var byOperator = await plan.Reveal(new RevealRequest("residentId", "contact", null), null, Operator);

        ShouldBeMasked(created.Value.Plan.Person, numbers);
        ShouldBeMasked(read.Person, numbers);
        ShouldBeMasked(firstVisit.Person, numbers);
        bySupervisor.Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        byOtherProvider.Error!.Kind.Should().Be(DomainErrorKind.NotFound);
        byOperator.Value!.Value.Should().Be(numbers.ResidentId);
        (await LogRowsAsync(planId)).Should().ContainSingle().Which.ItemType.Should().Be("rehab_plan");
    }

    [Fact]
    public async Task A_case_opened_from_a_ticket_still_gets_the_callers_full_numbers_inside_the_silo()
    {
        var numbers = PersonalNumbers.New();
        var (_, ticket) = await DispatchedTicketAsync(numbers, "王秀英");
        var legalAid = Cluster.Client.GetGrain<ILegalAidCaseGrain>(Guid.NewGuid());

        var opened = await legalAid.OpenFromTicket(ticket.Id, new LegalAidApplication
        {
            CaseType = "labour_dispute", Summary = "来电反映被拖欠工资，转法律援助。",
        }, Operator);
        var revealed = await legalAid.Reveal(new RevealRequest("applicantPhone", "legal_service", null), null, Operator);

        opened.Error.Should().BeNull(opened.Error?.MessageEn);
        ShouldBeMasked(opened.Value!.Case.Applicant, numbers);
        revealed.Value!.Value.Should().Be(numbers.Phone);
    }

    [Fact]
    public async Task A_client_may_not_ask_a_ticket_for_its_referral_view()
    {
        var (ticket, _) = await DispatchedTicketAsync(PersonalNumbers.New(), "冯涛");

        var act = () => ticket.GetForReferral(Operator);

        await act.Should().ThrowAsync<CallerRefusedException>();
    }

    private async Task<(ITicketGrain Grain, TicketView Registered)> DispatchedTicketAsync(PersonalNumbers numbers, string caller)
    {
        var ticket = Cluster.Client.GetGrain<ITicketGrain>(Guid.NewGuid());
        var registered = await ticket.Register(new TicketIntake
        {
            Channel = "phone", Kind = "help", Topic = "care_services", Urgency = "normal", CallerName = caller, CallerPhone = numbers.Phone,
            ResidentId = numbers.ResidentId, DisabilityCertificate = numbers.Certificate, CountyCode = "330402",
            Content = "来电反映残疾人护理补贴尚未发放，请核实处理。" + Guid.NewGuid(),
        }, Operator);
        registered.Error.Should().BeNull(registered.Error?.MessageEn);
        (await ticket.Dispatch(new DispatchTicket("330402-CENTRE", null), Operator, null)).Error.Should().BeNull();
        return (ticket, registered.Value!.Ticket);
    }

    private static PersonInput Person(PersonalNumbers numbers, string name) => new()
    {
        Name = name, Phone = numbers.Phone, ResidentId = numbers.ResidentId, DisabilityCertificate = numbers.Certificate, CountyCode = "330402",
        Address = "解放路 1 号",
    };

    private static void ShouldBeMasked(PersonView person, PersonalNumbers numbers)
    {
        person.Phone.Should().Be(numbers.Phone[..3] + "****" + numbers.Phone[7..]);
        person.ResidentId.Should().Be(numbers.ResidentId[..6] + "********" + numbers.ResidentId[14..]);
        person.DisabilityCertificate.Should().Be(numbers.Certificate[..6] + "********" + numbers.Certificate[14..]);
    }

    /// <summary>09:00 in Jiaxing on the Monday after next: a working morning ahead of any clock the test runs on.</summary>
    private static DateTimeOffset NextMondayNine()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var monday = today.AddDays(7 + ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        return new DateTimeOffset(monday.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
    }

    private async Task<IReadOnlyList<LogRow>> LogRowsAsync(Guid itemId)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString);
        await using var command = source.CreateCommand(
            "select user_id, user_role, item_type, field, purpose, note, client_address from personal_data_access_log where item_id = $1 order by id");
        command.Parameters.Add(new NpgsqlParameter { Value = itemId.ToString() });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<LogRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new LogRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return rows;
    }

    private sealed record LogRow(string UserId, string Role, string ItemType, string Field, string Purpose, string? Note, string? ClientAddress);
}
