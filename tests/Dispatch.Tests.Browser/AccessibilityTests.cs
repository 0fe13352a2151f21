using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>An axe-core scan of every page (and of the states that add content), with a screenshot of each as an artefact.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserSystem system) : BrowserTest
{
    public static TheoryData<string> Pages() =>
        ["login", "intake", "intake-errors", "queue", "worklist", "ticket", "dashboard", "dashboard-county", "dashboard-big-screen", "intake-english",
        "legal-aid-worklist", "legal-aid-case", "ticket-referral", "rehab-worklist", "rehab-calendar", "rehab-visit", "admin-calendar", "admin-rules",
        "admin-users", "admin-units", "admin-towns", "admin-routing", "admin-units-supervisor", "account", "dashboard-year", "supervision-orders", "notifications",
        "notifications-supervisor", "rehab-workers", "legal-aid-roster"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_accessibility_violations(string name)
    {
        var page = await OpenAsync(name);
        await ScreenshotAsync(page, "page-" + name);

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        serious.Should().BeEmpty();
    }

    private async Task<IPage> OpenAsync(string name)
    {
        var bigScreen = name == "dashboard-big-screen";
        var page = bigScreen ? await system.NewPageAsync(1920, 1080) : await system.NewPageAsync();
        switch (name)
        {
            case "login":
                await page.GotoAsync("/");
                await page.Locator("#login-email").WaitForAsync();
                break;
            case "intake" or "intake-errors" or "intake-english":
                await SignInAsync(page, Operator);
                if (name == "intake-errors")
                {
                    await page.Locator("#intake-submit").ClickAsync();
                    await page.Locator(".error-summary").WaitForAsync();
                }
                if (name == "intake-english")
                {
                    await page.Locator("#lang-toggle").ClickAsync();
                    await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Call intake");
                }
                break;
            case "queue":
                await SignInAsync(page, Operator);
                await page.GotoAsync("/#/queue");
                await page.Locator("#queue").WaitForAsync();
                break;
            case "worklist":
                await SignInAsync(page, CentreStaff);
                await page.Locator("#worklist-count").WaitForAsync();
                await page.Locator("#close-today-heading").WaitForAsync();
                await page.Locator("#definition-close-today summary").ClickAsync();
                break;
            case "ticket":
                using (var api = await ApiAsync(system, Operator))
                {
                    var ticket = await RegisteredAndDispatchedAsync(api);
                    await SignInAsync(page, CentreStaff);
                    await page.GotoAsync($"/#/tickets/{ticket.GetProperty("id").GetString()}");
                    await page.Locator("#act-sign").WaitForAsync();
                }
                break;
            case "legal-aid-worklist" or "legal-aid-case":
                var opened = await CaseSeeding.CaseOpenedFromTicketAsync(system);
                await SignInAsync(page, CaseSeeding.LegalStaff);
                await page.Locator("#worklist table").WaitForAsync();
                if (name == "legal-aid-case")
                {
                    await page.GotoAsync($"/#/legal-aid-cases/{opened.GetProperty("id").GetString()}");
                    await page.Locator("#act-accept").ClickAsync();
                    await page.Locator("#f-note").WaitForAsync();
                }
                break;
            case "ticket-referral":
                using (var api = await ApiAsync(system, Operator))
                {
                    var ticket = await RegisteredAndDispatchedAsync(api);
                    await SignInAsync(page, Operator);
                    await page.GotoAsync($"/#/tickets/{ticket.GetProperty("id").GetString()}");
                    await page.Locator("#act-open-legal-aid").ClickAsync();
                    await page.Locator("#referral-submit").ClickAsync();
                    await page.Locator("#f-caseType[aria-invalid=true]").WaitForAsync();
                }
                break;
            case "rehab-worklist" or "rehab-calendar" or "rehab-visit":
                var start = CaseSeeding.NextWindowStart();
                var visit = await CaseSeeding.ScheduledVisitAsync(system, start, name == "rehab-visit" ? null : $"W-{name}", "李敏");
                await SignInAsync(page, CaseSeeding.RehabStaff);
                await page.Locator("#worklist table").WaitForAsync();
                if (name == "rehab-calendar")
                {
                    await page.GotoAsync($"/#/rehab-calendar?date={start:yyyy-MM-dd}");
                    await page.Locator("#calendar table").First.WaitForAsync();
                }
                if (name == "rehab-visit")
                {
                    await page.GotoAsync($"/#/rehab-visits/{visit.GetProperty("id").GetString()}");
                    await page.Locator("#act-assign").WaitForAsync();
                }
                break;
            case "notifications":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/notifications");
                await page.Locator("#notifications table, #notifications .empty, #notifications .failure").First.WaitForAsync();
                await page.Locator("#notification-templates table").WaitForAsync();
                break;
            case "notifications-supervisor":
                // A county supervisor reaches the page from the navigation, reads the county's messages, and has no retry.
                await SignInAsync(page, CountySupervisor);
                await page.Locator("#nav-links a[href='#/notifications']").ClickAsync();
                await page.Locator("#notifications table, #notifications .empty").First.WaitForAsync();
                await page.Locator("#notification-templates table").WaitForAsync();
                await Assertions.Expect(page.Locator("#notifications .failure")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("[id^=notify-retry-]")).ToHaveCountAsync(0);
                break;
            case "rehab-workers":
                using (var staffApi = await Browsing.ApiAsync(system, CaseSeeding.RosterStaff))
                {
                    await CaseSeeding.AddRosterWorkerAsync(staffApi, "AXE-" + Guid.NewGuid().ToString("N")[..6], "郑敏");
                }
                await SignInAsync(page, CaseSeeding.RosterStaff);
                await page.GotoAsync("/#/rehab-workers");
                await page.Locator("#workers-table").WaitForAsync();
                await page.Locator("#worker-add").ClickAsync();
                await page.Locator("#worker-form").WaitForAsync();
                break;
            case "legal-aid-roster":
                await CaseSeeding.RosterMemberAsync(system, "330421-LEGAL", "周律师");
                await SignInAsync(page, "head.330421-legal@jx12385.test");
                await page.GotoAsync("/#/legal-aid-roster");
                await page.Locator("#laroster-table").WaitForAsync();
                await page.Locator("#laroster-add").ClickAsync();
                await page.Locator("#laroster-form").WaitForAsync();
                break;
            case "supervision-orders":
                await SignInAsync(page, "supervisor@jx12385.test");
                await page.GotoAsync("/#/supervision-orders");
                await page.Locator("#orders").WaitForAsync();
                await page.Locator("#orders table, #orders .empty, #orders .failure").First.WaitForAsync();
                break;
            case "admin-calendar":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/calendar?year=2030");
                await page.Locator("#workcal-publish-open").ClickAsync();
                await page.Locator("#workcal-form").WaitForAsync();
                await page.Locator("#workcal-closures").WaitForAsync();
                break;
            case "admin-rules":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/rules");
                await page.Locator("#rules-item-ticket").WaitForAsync();
                await page.Locator("#rules-form").WaitForAsync();
                break;
            case "admin-users":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/users");
                await page.Locator("#users-table .users-open").First.ClickAsync();
                await page.Locator("#users-history").WaitForAsync();
                break;
            case "admin-units":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/units");
                await page.Locator("#unit-edit-330402-CENTRE").ClickAsync();
                await page.Locator("#unit-form").WaitForAsync();
                await page.Locator("#units-history-box p, #units-history").First.WaitForAsync();
                break;
            case "admin-towns":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/towns?county=330402");
                await page.Locator("#towns-table .toolbar button").First.ClickAsync();
                await page.Locator("#town-form").WaitForAsync();
                await page.Locator("#towns-history-box p, #towns-history").First.WaitForAsync();
                break;
            case "admin-routing":
                await SignInAsync(page, Admin);
                await page.GotoAsync("/#/admin/routing");
                await page.Locator("#routing-table .toolbar button").First.ClickAsync();
                await page.Locator("#rule-form").WaitForAsync();
                await page.Locator("#routing-history-box p, #routing-history").First.WaitForAsync();
                break;
            case "admin-units-supervisor":
                await SignInAsync(page, CountySupervisor);
                await page.GotoAsync("/#/admin/units?county=330402");
                await page.Locator("#unit-history-330402-CENTRE").ClickAsync();
                await page.Locator("#units-history-box p, #units-history").First.WaitForAsync();
                break;
            case "account":
                await SignInAsync(page, Operator);
                await page.GotoAsync("/#/account");
                await page.Locator("#account-2fa-key").WaitForAsync();
                break;
            default:
                await SignInAsync(page, name == "dashboard-county" ? CountySupervisor : CitySupervisor);
                await page.GotoAsync(bigScreen ? "/#/dashboard?screen=big" : "/#/dashboard");
                await page.Locator("#dash-tiles li").First.WaitForAsync();
                await Assertions.Expect(page.Locator("#live-status")).Not.ToHaveTextAsync("正在连接实时推送…");
                await page.Locator("#month-projection-table table, #month-projection-table .empty").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
                break;
            case "dashboard-year":
                // The year view (months as columns), a breakdown by town and an opened definition add content to scan.
                await SignInAsync(page, CitySupervisor);
                await page.GotoAsync("/#/dashboard");
                await page.Locator("#measures-figures").WaitForAsync();
                await page.Locator("#measures-period-year").CheckAsync();
                await page.Locator("#measures-show").ClickAsync();
                await page.Locator("#measures-year-table").WaitForAsync();
                await page.Locator("#measures-by").SelectOptionAsync("town");
                await page.Locator("#definition-tickets-onTimeClosureRate summary").ClickAsync();
                await page.Locator("#chart-breakdown details summary").ClickAsync();
                break;
        }
        return page;
    }
}
