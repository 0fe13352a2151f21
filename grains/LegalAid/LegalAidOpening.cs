using Dispatch.Scopes;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.People;
using Dispatch.Tickets;
using Dispatch.Units;
using Dispatch.Fields;
using Dispatch.Numbers;
using Dispatch.Openings;
using Dispatch.Routing;

namespace Dispatch.LegalAid;

/// <summary>An application that passed <see cref="LegalAidOpening.Validate"/>.</summary>
public sealed record ValidApplication(ValidPerson Applicant, string CaseType, string Summary, bool CityLevel, string? StationCode, string? OpposingParty = null)
{
    /// <summary>Where the station is looked for when none is named: the city for city-level matters, else the applicant's county.</summary>
    public string StationArea => CityLevel || Applicant.CountyCode == ActorScope.CityCode ? ActorScope.CityCode : Applicant.CountyCode;
}

/// <summary>What makes an application registrable, and which station takes it. No I/O: the grain looks things up.</summary>
public static class LegalAidOpening
{
    public const int MinSummaryLength = 5;

    public static readonly UnitChoice Station = new(UnitKinds.LegalAid, "stationCode", "可受理的法律援助站", "legal-aid station",
        "no_station", "not_a_station", "只能在本法律援助站登记申请。", "Station staff register applications only at their own station.");

    /// <summary>A case opens at a legal-aid station: the one named, or the station serving the applicant's county (or the city).</summary>
    public static readonly UnitOpening<LegalAidApplication, ValidApplication, LegalAidEvent> AtStation = new(
        DailyNumberSeries.LegalAidCases, Station, MayApply, WithTicketDefaults,
        (application, context) => Validate(application, context.Reference, context.Today),
        valid => (valid.StationCode, valid.StationArea),
        (valid, station, ticket, number, context, fingerprint) =>
            Open(valid, station, ticket, number, LegalAidClockRules.From(context.Rules), fingerprint, context.Routing));

    public static (ValidApplication? Application, DomainError? Error) Validate(LegalAidApplication application, IntakeReference reference, DateOnly today)
    {
        var errors = new List<FieldError>();
        var applicant = PersonRules.Validate(application.Applicant, "applicant", reference, today, errors);
        errors.AddRange(new[]
        {
            TextRules.Choice("caseType", application.CaseType, LegalAidVocabulary.CaseTypes, "案件类型", "case type"),
            TextRules.Check("summary", application.Summary, TextLimits.LongText, true, "案情简述", "summary"),
            TextLength.Of(application.Summary?.Trim() ?? "") is > 0 and < MinSummaryLength
                ? new FieldError("summary", "too_short", $"案情简述至少需要 {MinSummaryLength} 个字符。", $"The summary must be at least {MinSummaryLength} characters.")
                : null,
            TextRules.Check("opposingParty", application.OpposingParty, LegalAidRules.MaxNameLength, false, "对方当事人", "opposing party"),
        }.OfType<FieldError>());
        if (errors.Count > 0)
        {
            return (null, DomainError.Validation([.. errors]));
        }
        return (new ValidApplication(applicant!, application.CaseType!, application.Summary!.Trim(), application.CityLevel ?? false,
            TextRules.Trimmed(application.StationCode), TextRules.Trimmed(application.OpposingParty)), null);
    }

    /// <summary>The station must be an active legal-aid station; station staff open cases only at their own.</summary>
    public static DomainError? CheckStation(ValidApplication application, UnitInfo? station, Actor actor, bool fromTicket) =>
        Station.Check(application.StationCode, application.StationArea, station, actor, fromTicket);

    /// <summary>Operators, administrators and station staff register applications.</summary>
    public static DomainError? MayApply(Actor actor) => ItemOpening.IsOpener(actor)
        ? null
        : DomainError.Forbidden("只有话务员和法律援助站可以登记法律援助申请。", "Only operators and legal-aid stations register applications.");

    /// <summary>The case opens at its station (checked by <see cref="CheckStation"/>) with the clocks of the rule version in force.</summary>
    public static Change<LegalAidEvent> Open(
        ValidApplication valid, UnitInfo station, TicketLink? ticket, string number, LegalAidClockRules rules, string fingerprint,
        RoutingChoice? routing = null) =>
        Change<LegalAidEvent>.Of(new CaseOpened(number, valid.Applicant.ToView(), valid.Applicant.PersonId, valid.CaseType, valid.Summary,
            station.Code, valid.CityLevel, ticket, rules, fingerprint, routing, valid.OpposingParty));

    /// <summary>From a ticket, applicant fields left out are the ticket caller's.</summary>
    public static LegalAidApplication WithTicketDefaults(LegalAidApplication application, TicketView ticket) => application with
    {
        Applicant = TicketReferrals.CallerAsPerson(application.Applicant, ticket),
        Summary = application.Summary ?? ticket.Content,
    };
}
