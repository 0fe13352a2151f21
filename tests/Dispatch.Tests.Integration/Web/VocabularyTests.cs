using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Scopes;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Web;

public sealed class VocabularyTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private const string Path = "/api/reference/vocabulary";

    [Fact]
    public async Task A_signed_ticket_is_named_in_progress_in_both_languages()
    {
        var ticket = (await VocabularyAsync()).GetProperty("items").GetProperty("ticket");

        var signed = ticket.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("code").GetString() == TicketStatus.Signed);
        signed.GetProperty("zh").GetString().Should().Be("办理中");
        signed.GetProperty("en").GetString().Should().Be("In progress");
        ticket.GetProperty("name").GetProperty("zh").GetString().Should().Be("工单");
    }

    [Fact]
    public async Task Every_ticket_action_of_the_contract_is_named()
    {
        var actions = (await VocabularyAsync()).GetProperty("items").GetProperty("ticket").GetProperty("actions").EnumerateArray()
            .Select(a => a.GetProperty("code").GetString()).ToList();

        actions.Should().BeEquivalentTo(TicketVocabulary.Item.Actions.Select(a => a.Code));
    }

    [Fact]
    public async Task Text_and_intake_limits_are_the_contracts_numbers()
    {
        var vocabulary = await VocabularyAsync();

        vocabulary.GetProperty("textLimits").GetProperty("note").GetInt32().Should().Be(TextLimits.Note);
        vocabulary.GetProperty("textLimits").GetProperty("longText").GetInt32().Should().Be(TextLimits.LongText);
        var intake = vocabulary.GetProperty("intakeLimits");
        intake.GetProperty("callerName").GetInt32().Should().Be(IntakeLimits.MaxCallerNameLength);
        intake.GetProperty("address").GetInt32().Should().Be(IntakeLimits.MaxAddressLength);
        intake.GetProperty("title").GetInt32().Should().Be(IntakeLimits.MaxTitleLength);
        intake.GetProperty("contentMin").GetInt32().Should().Be(IntakeLimits.MinContentLength);
        intake.GetProperty("content").GetInt32().Should().Be(IntakeLimits.MaxContentLength);
    }

    [Fact]
    public async Task Each_item_lists_its_clocks_and_worklist_statuses()
    {
        var items = (await VocabularyAsync()).GetProperty("items");

        Codes(items.GetProperty("legalAidCase"), "clocks").Should().Equal(LegalAidVocabulary.Item.Clocks.Select(c => c.Code));
        Codes(items.GetProperty("rehabVisit"), "clocks").Should().Equal(RehabVocabulary.Item.Clocks.Select(c => c.Code));
        items.GetProperty("legalAidCase").GetProperty("worklistStatuses").EnumerateArray().Select(s => s.GetString())
            .Should().Equal(LegalAidVocabulary.WorklistStatuses);
        items.GetProperty("ticket").GetProperty("worklistStatuses").EnumerateArray().Select(s => s.GetString())
            .Should().Equal(TicketVocabulary.WorklistStatuses);
    }

    [Fact]
    public async Task The_city_code_is_the_one_of_the_actor_scopes()
    {
        (await VocabularyAsync()).GetProperty("cityCode").GetString().Should().Be(ActorScope.CityCode);
    }

    [Fact]
    public async Task The_vocabulary_is_for_signed_in_users_like_the_counties()
    {
        (await system.Web.Client.GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement> VocabularyAsync()
    {
        using var client = await system.SignInAsync("staff.330402-centre@jx12385.test");
        return await client.GetFromJsonAsync<JsonElement>(Path);
    }

    private static IEnumerable<string?> Codes(JsonElement item, string list) =>
        item.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("code").GetString());
}
