using Dispatch.Identity;
using Dispatch.Sla;
using Dispatch.Tests.Unit.Calendar;
using Dispatch.Tickets;
using Dispatch.Routing;

namespace Dispatch.Tests.Unit.Tickets;

internal static class Places
{
    public const string City = "330400";
    public const string Nanhu = "330402";
    public const string Xiuzhou = "330411";
}

internal static class Units
{
    public const string NanhuCentre = "330402-CENTRE";
    public const string NanhuLegal = "330402-LEGAL";
    public const string NanhuRehab = "330402-REHAB";
    public const string XiuzhouCentre = "330411-CENTRE";

    public static UnitTarget Target(string code) => new(code, code[..6], Active: true);

    public static UnitTarget Inactive(string code) => new(code, code[..6], Active: false);
}

/// <summary>The people who act on tickets in these specifications.</summary>
internal static class Actors
{
    public static readonly Actor Operator = new("op-wang", Roles.Operator, null, Places.City);
    public static readonly Actor Admin = new("admin", Roles.Admin, null, Places.City);
    public static readonly Actor CentreStaff = new("staff-centre", Roles.UnitStaff, Units.NanhuCentre, Places.Nanhu);
    public static readonly Actor LegalStaff = new("staff-legal", Roles.UnitStaff, Units.NanhuLegal, Places.Nanhu);
    public static readonly Actor RehabStaff = new("staff-rehab", Roles.UnitStaff, Units.NanhuRehab, Places.Nanhu);
    public static readonly Actor NanhuSupervisor = new("sup-nanhu", Roles.Supervisor, null, Places.Nanhu);
    public static readonly Actor XiuzhouSupervisor = new("sup-xiuzhou", Roles.Supervisor, null, Places.Xiuzhou);
    public static readonly Actor CitySupervisor = new("sup-city", Roles.Supervisor, null, Places.City);
}

/// <summary>The shipped deadline rules and calendar, read at a fixed instant: no test looks at the real clock.</summary>
internal static class TicketClocks
{
    public static SlaSettings Settings { get; } = SlaSettings.Load(Shanghai.ReferenceData());

    public static TicketClockRules Rules(string kind, string urgency) => TicketClockRules.From(Settings.Versions.All[0], kind, urgency);

    public static ClockReader At(DateTimeOffset now) => new(Settings, now);

    /// <summary>A reader for rules that read the clock only for dates they check (a written notice's day): after every builder's events.</summary>
    public static ClockReader Later { get; } = At(Shanghai.At(2026, 6, 1, 10));

    public static ClockView Handling(TicketState s, DateTimeOffset now) => At(now).Evaluate(s.Handling!);

    public static ClockView SignFor(TicketState s, DateTimeOffset now) => At(now).Evaluate(s.SignFor!);
}
