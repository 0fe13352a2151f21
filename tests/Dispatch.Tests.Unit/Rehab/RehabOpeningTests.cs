using Dispatch.Items;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.Rehab;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tests.Unit.People;
using Dispatch.Tests.Unit.Tickets;
using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Rehab;

/// <summary>What makes a visit or plan request acceptable and which provider takes it.</summary>
public sealed class RehabOpeningTests
{
    private static readonly DateTimeOffset Now = Shanghai.At(2026, 3, 2, 9);
    private static readonly PersonInput Person = new() { Name = "王芳", Phone = "13812345678", ResidentId = IdNumbers.Nanhu1980, CountyCode = Intakes.Nanhu };

    [Fact]
    public void A_request_with_a_window_is_scheduled_at_once_with_the_default_length()
    {
        var (valid, error) = RehabOpening.Validate(new VisitRequest { Person = Person, ServiceType = "assessment", WindowStart = Now.AddDays(1) },
            Intakes.Reference, VisitBuilder.Rules, Now, IdNumbers.Today);

        error.Should().BeNull();
        valid!.Window.Should().Be(new VisitWindow(Now.AddDays(1), Now.AddDays(1).AddHours(2)));
        valid.Person.PersonId.Should().Be("id:" + IdNumbers.Nanhu1980);
    }

    [Fact]
    public void Every_bad_field_of_a_request_is_reported_under_the_person_prefix()
    {
        var (_, error) = RehabOpening.Validate(new VisitRequest { Person = new PersonInput { Name = "王芳", Phone = "0573-123" }, ServiceType = "massage" },
            Intakes.Reference, VisitBuilder.Rules, Now, IdNumbers.Today);

        error!.Fields.Select(f => (f.Field, f.Code)).Should().Equal(
            ("person.phone", "invalid_format"), ("person.countyCode", "required"), ("serviceType", "unknown_value"));
    }

    [Fact]
    public void A_plan_needs_a_known_frequency_between_one_and_fifty_two_visits_and_a_first_window()
    {
        var (_, error) = RehabOpening.Validate(new PlanRequest { Person = Person, ServiceType = "rehabilitation_training", Frequency = "daily", Count = 60 },
            Intakes.Reference, VisitBuilder.Rules, Now, IdNumbers.Today);

        error!.Fields.Select(f => (f.Field, f.Code)).Should().Equal(
            ("frequency", "unknown_value"), ("count", "invalid_value"), ("firstWindowStart", "required"));
    }

    [Fact]
    public void Only_an_active_rehabilitation_provider_takes_visits_and_staff_only_for_their_own()
    {
        var provider = new UnitInfo("330402-REHAB-1", UnitKinds.Rehab, Intakes.Nanhu, true);
        var ownStaff = new Actor("s", Roles.UnitStaff, "330402-REHAB-1", Intakes.Nanhu);

        RehabOpening.CheckProvider(null, Intakes.Nanhu, null, Actors.Operator, false)!.Fields.Should().ContainSingle(f => f.Code == "no_provider");
        RehabOpening.CheckProvider("330402-LEGAL", Intakes.Nanhu, new UnitInfo("330402-LEGAL", UnitKinds.LegalAid, Intakes.Nanhu, true), Actors.Operator, false)!
            .Fields.Should().ContainSingle(f => f.Code == "not_a_provider");
        RehabOpening.CheckProvider(null, Intakes.Nanhu, provider, ownStaff, false).Should().BeNull();
        RehabOpening.CheckProvider(null, Intakes.Nanhu, provider, Actors.LegalStaff, false)!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }

    private static Change<RehabEvent> Requested(Actor actor)
    {
        var (valid, _) = RehabOpening.Validate(new VisitRequest { Person = Person, ServiceType = "assessment", WindowStart = Now.AddDays(1) },
            Intakes.Reference, VisitBuilder.Rules, Now, IdNumbers.Today);
        return RehabOpening.Request(valid!, new UnitInfo(VisitBuilder.Provider, UnitKinds.Rehab, Intakes.Nanhu, true), null, "JXKF-1", VisitBuilder.Rules,
            Now, "fingerprint", RehabOpening.AcceptsAtOnce(actor, VisitBuilder.Provider));
    }

    [Fact]
    public void A_request_the_providers_own_staff_register_is_accepted_and_scheduled_at_once() =>
        Requested(new Actor("staff-rehab-1", Roles.UnitStaff, VisitBuilder.Provider, Intakes.Nanhu)).Events.Select(e => e.GetType()).Should().Equal(typeof(VisitRequested), typeof(VisitAccepted), typeof(VisitScheduled));

    [Fact]
    public void A_hotline_request_waits_for_acceptance_keeping_the_window_it_asked_for()
    {
        var events = Requested(Actors.Operator).Events;

        events.Should().ContainSingle().Which.Should().BeOfType<VisitRequested>()
            .Which.Should().Match<VisitRequested>(r => r.AwaitsAcceptance && r.AskedWindow == new VisitWindow(Now.AddDays(1), Now.AddDays(1).AddHours(2)));
        RehabOpening.AcceptsAtOnce(Actors.Admin, VisitBuilder.Provider).Should().BeFalse("an administrator registering a request is not the provider accepting it");
    }
}
