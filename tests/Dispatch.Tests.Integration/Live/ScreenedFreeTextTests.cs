using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.PersonalData;
using Dispatch.Tests.Integration.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Live;

/// <summary>
/// A ticket whose title and content name the caller and carry the caller's phone and ID numbers, taken from
/// registration through dispatch, a supervision order, at risk and overdue: what the supervisors hear on the hub and
/// read in the at-risk and overdue lists carries neither the name nor a number, while the operator and the unit still
/// read the ticket as typed.
/// </summary>
public sealed class ScreenedFreeTextTests(FakeClockLiveSystem system) : IClassFixture<FakeClockLiveSystem>
{
    private const string Caller = "司徒晓明";
    private const string Unit = "330402-CENTRE";
    private const string CitySupervisor = "supervisor@jx12385.test";
    private const string CountySupervisor = "supervisor.330402@jx12385.test";

    [Fact]
    public async Task Supervisors_hear_list_and_read_the_ticket_without_the_caller_s_name_or_numbers_and_the_operator_reads_it_as_typed()
    {
        var numbers = PersonalNumbers.New();
        var title = $"{Caller}反映无障碍坡道损坏，手机{numbers.Phone}，身份证{numbers.ResidentId}";
        var screenedTitle = $"司**反映无障碍坡道损坏，手机{Masked(numbers.Phone)}，身份证{numbers.ResidentId[..6]}********{numbers.ResidentId[14..]}";
        await using var city = await LiveListener.ConnectAsync(system.Web, CitySupervisor);
        await using var county = await LiveListener.ConnectAsync(system.Web, CountySupervisor);
        await city.JoinAsync("city");
        await county.JoinAsync("county:330402");
        using var op = await system.Web.SignInAsync("operator@jx12385.test");
        using var supervisor = await system.Web.SignInAsync(CountySupervisor);

        var ticket = await TicketApi.RegisteredAsync(op, Intake(numbers, title));
        var id = TicketApi.Id(ticket);
        await TicketApi.ActOkAsync(op, ticket, "dispatch", new { unitCode = Unit });
        await TicketApi.ActOkAsync(supervisor, ticket, "supervise", new { note = $"请尽快联系{Caller}，电话{numbers.Phone}" });
        await system.HearAsync(county, "alert", m => m.ItemId() == id && Kind(m) == "supervision", "the supervision alert");

        await system.WatcherRunsAtAsync(9, 50, Guid.Parse(id)); // past 75% of the urgent ticket's one working hour to sign for it
        await system.HearAsync(county, "itemChanged", m => m.ItemId() == id && m.Change() == "atRisk", "the ticket at risk");
        var atRisk = await ListedAsync(supervisor, "at-risk", "county:330402", id);

        await system.WatcherRunsAtAsync(10, 5, Guid.Parse(id));
        await system.HearAsync(city, "itemChanged", m => m.ItemId() == id && m.Change() == "overdue", "the ticket overdue on the city feed");
        await system.HearAsync(city, "alert", m => m.ItemId() == id && Kind(m) == "overdue", "the overdue alert");
        using var citySupervisor = await system.Web.SignInAsync(CitySupervisor);
        var overdue = await ListedAsync(citySupervisor, "overdue", "city", id);
        await using var late = await LiveListener.ConnectAsync(system.Web, CountySupervisor);
        await late.JoinAsync("county:330402");
        var snapshot = await late.WaitForAsync("snapshot", _ => true, "a snapshot with the overdue ticket");

        var pushed = city.About(id).Concat(county.About(id)).ToList();
        pushed.Select(m => m.Name).Should().Contain(["itemChanged", "alert"]);
        pushed.Select(m => m.Payload.GetProperty("item").GetProperty("title").GetString()).Should().OnlyContain(t => t == screenedTitle);
        atRisk.GetProperty("title").GetString().Should().Be(screenedTitle);
        overdue.GetProperty("title").GetString().Should().Be(screenedTitle);
        snapshot.GetProperty("overdue").EnumerateArray().Should().Contain(i => i.GetProperty("id").GetString() == id)
            .Which.GetProperty("title").GetString().Should().Be(screenedTitle);
        var supervisionAlert = pushed.First(m => m.Name == "alert" && Kind(m.Payload) == "supervision").Payload;
        supervisionAlert.GetProperty("messageZh").GetString().Should().EndWith($"请尽快联系司**，电话{Masked(numbers.Phone)}");
        string[] seen = [.. pushed.Select(m => m.Payload.GetRawText()), atRisk.GetRawText(), overdue.GetRawText(), snapshot.GetRawText()];
        foreach (var text in seen)
        {
            Unescaped(text).Should().NotContain(Caller).And.NotContain(numbers.Phone).And.NotContain(numbers.ResidentId);
        }

        var asTyped = await TicketApi.GetAsync(op, ticket);
        asTyped.GetProperty("title").GetString().Should().Be(title);
        asTyped.GetProperty("callerName").GetString().Should().Be(Caller);
        using var staff = await system.Web.SignInAsync($"staff.{Unit.ToLowerInvariant()}@jx12385.test");
        (await TicketApi.GetAsync(staff, ticket)).GetProperty("title").GetString().Should().Be(title);
        await SupervisorsReadTheItemScreenedAsync(supervisor, id, ticket.GetProperty("personId").GetString()!, screenedTitle, numbers);
    }

    /// <summary>
    /// A supervisor's own reads of the item (the ticket, its history, the search list, the person record) carry neither the
    /// caller's name nor the numbers typed into the title, the complaint or a note; the screened title is what they show.
    /// </summary>
    private static async Task SupervisorsReadTheItemScreenedAsync(HttpClient supervisor, string id, string personId, string screenedTitle,
        PersonalNumbers numbers)
    {
        var ticket = await supervisor.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}");
        ticket.GetProperty("title").GetString().Should().Be(screenedTitle);
        ticket.GetProperty("content").GetString().Should().StartWith("来电人司**（身份证");
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/tickets?county=330402&pageSize=100");
        listed.GetProperty("items").EnumerateArray().Should().Contain(i => i.GetProperty("id").GetString() == id)
            .Which.GetProperty("title").GetString().Should().Be(screenedTitle);
        var timeline = await supervisor.GetFromJsonAsync<JsonElement>($"/api/persons/{personId}/timeline");
        timeline.EnumerateArray().Should().Contain(e => e.GetProperty("id").GetString() == id)
            .Which.GetProperty("title").GetString().Should().Be(screenedTitle);
        var history = await supervisor.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}/history");
        history.GetArrayLength().Should().BeGreaterThan(2);
        foreach (var read in new[] { ticket, listed, timeline, history })
        {
            Unescaped(read.GetRawText()).Should().NotContain(Caller).And.NotContain(numbers.Phone).And.NotContain(numbers.ResidentId);
        }
    }

    private static object Intake(PersonalNumbers numbers, string title) => new
    {
        channel = "phone", kind = "complaint", topic = "accessibility", urgency = "urgent", callerName = Caller, callerPhone = numbers.Phone,
        residentId = numbers.ResidentId, countyCode = "330402", title,
        content = $"来电人{Caller}（身份证{numbers.ResidentId}）反映小区无障碍坡道损坏，请回电{numbers.Phone}。",
    };

    /// <summary>The item in the list, read as the supervisor reads it.</summary>
    private static async Task<JsonElement> ListedAsync(HttpClient client, string list, string scope, string id)
    {
        var items = await client.GetFromJsonAsync<JsonElement>($"/api/stats/{list}?scope={scope}");
        return items.EnumerateArray().Should().Contain(i => i.GetProperty("id").GetString() == id, $"the ticket is {list}").Which;
    }

    private static string Kind(JsonElement alert) => alert.GetProperty("kind").GetString()!;

    private static string Masked(string mobile) => $"{mobile[..3]}****{mobile[7..]}";

    /// <summary>JSON may spell Chinese as \uXXXX escapes; read it back as text.</summary>
    private static string Unescaped(string json) => Text(JsonDocument.Parse(json).RootElement);

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" ", element.EnumerateObject().Select(p => Text(p.Value))),
        JsonValueKind.Array => string.Join(" ", element.EnumerateArray().Select(Text)),
        JsonValueKind.String => element.GetString()!,
        _ => element.ToString(),
    };
}
