using Dispatch.Tests.Integration.Tickets;
using Dispatch.Tests.Integration.Web;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Integration.Reports;

/// <summary>
/// A silo on a <see cref="FakeTimeProvider"/> and a web app on the real clock, with tickets of two months seeded through
/// the API: March 2026 (a closed ticket called back satisfied, one answered on the spot, one returned and dispatched
/// again, one in another county) and April 2026 (one reopened after an unsatisfied callback, one suspended, one in
/// another county). Past months for the web app's clock, so the reports of both are complete periods.
/// </summary>
public sealed class ReportsSystem() : FakeClockSystem(March, "reports")
{
    public const string County = "330402";
    public const string OtherCounty = "330411";
    public const string Centre = "330402-CENTRE";

    private static readonly DateTimeOffset March = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
    private static readonly DateTimeOffset April = new DateTimeOffset(2026, 4, 8, 9, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    protected override async Task SeedAsync()
    {
        using var op = await SignInAsync("operator@jx12385.test");
        using var staff = await SignInAsync($"staff.{Centre.ToLowerInvariant()}@jx12385.test");

        var closed = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: County, phone: "13812345678"));
        await TicketApi.ActOkAsync(op, closed, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, closed, "sign");
        await TicketApi.ActOkAsync(staff, closed, "resolve", new { reply = "已协调街道核实，补贴已于本周发放。" });
        await TicketApi.ActOkAsync(op, closed, "callback", new { reached = true, satisfaction = "satisfied" });
        await TicketApi.ActOkAsync(op, closed, "close", new { });
        var answered = await TicketApi.RegisteredAsync(op, TicketApi.Intake(kind: "inquiry", county: County, phone: "13912345670"));
        await TicketApi.ActOkAsync(op, answered, "answer", new { reply = "已告知办理残疾人证所需材料。" });
        var returned = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: County, phone: "13912345671"));
        await TicketApi.ActOkAsync(op, returned, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, returned, "return", new { reasonCode = "not_our_responsibility" });
        await TicketApi.ActOkAsync(op, returned, "dispatch", new { unitCode = Centre });
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: OtherCounty, phone: "13912345672"));

        Clock.SetUtcNow(April);
        var reopened = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: County, phone: "13912345673"));
        await TicketApi.ActOkAsync(op, reopened, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, reopened, "sign");
        await TicketApi.ActOkAsync(staff, reopened, "resolve", new { reply = "已答复。" });
        await TicketApi.ActOkAsync(op, reopened, "callback", new { reached = true, satisfaction = "unsatisfied" });
        await TicketApi.ActOkAsync(op, reopened, "reopen", new { note = "来电人对答复不满意" });
        var suspended = await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: County, phone: "13912345674"));
        await TicketApi.ActOkAsync(op, suspended, "dispatch", new { unitCode = Centre });
        await TicketApi.ActOkAsync(staff, suspended, "sign");
        await TicketApi.ActOkAsync(staff, suspended, "suspend", new { reasonCode = "awaiting_citizen_documents" });
        await TicketApi.RegisteredAsync(op, TicketApi.Intake(county: OtherCounty, phone: "13912345675"));
    }

}

[CollectionDefinition(Name)]
public sealed class ReportsCollection : ICollectionFixture<ReportsSystem>
{
    public const string Name = "reports";
}
