using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using static Dispatch.Tests.Browser.Browsing;

namespace Dispatch.Tests.Browser;

/// <summary>Supervisors see when the coming 90 days reach a year without a published holiday notice; operators do not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalendarBannerTests(BrowserSystem system) : BrowserTest
{
    [Fact]
    public async Task A_supervisor_is_told_of_a_provisional_year_in_the_next_90_days_and_an_operator_is_not()
    {
        // The years of the next 90 days that the server's calendar does not hold as official, read through the API.
        using var api = await ApiAsync(system, CitySupervisor);
        var official = (await api.GetFromJsonAsync<JsonElement>("/api/calendars")).EnumerateArray()
            .Where(y => y.GetProperty("status").GetString() == "official").Select(y => y.GetProperty("year").GetInt32()).ToHashSet();
        var today = DateTime.Today;
        var years = Enumerable.Range(today.Year, today.AddDays(90).Year - today.Year + 1).Where(year => !official.Contains(year)).ToList();

        var supervisor = await system.NewPageAsync();
        await SignInAsync(supervisor, CitySupervisor);
        var banner = supervisor.Locator("#calendar-banner");
        if (years.Count == 0)
        {
            await Assertions.Expect(banner).ToBeHiddenAsync();
        }
        else
        {
            await Assertions.Expect(banner).ToBeVisibleAsync();
            await Assertions.Expect(banner).ToContainTextAsync($"{years[0]} 年");
            (await banner.GetAttributeAsync("role")).Should().Be("status");
        }

        var operatorPage = await system.NewPageAsync();
        await SignInAsync(operatorPage, Operator);
        await Assertions.Expect(operatorPage.Locator("main h1")).ToHaveTextAsync("来电登记");
        await Assertions.Expect(operatorPage.Locator("#calendar-banner")).ToBeHiddenAsync();
    }
}
