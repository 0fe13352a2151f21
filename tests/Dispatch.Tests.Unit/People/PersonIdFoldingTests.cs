using Dispatch.EventSourcing;
using Dispatch.People;
using FluentAssertions;

namespace Dispatch.Tests.Unit.People;

/// <summary>Events keep the raw person key they were recorded with; the event store folds it to the opaque id both ways.</summary>
public sealed class PersonIdFoldingTests
{
    private static readonly PersonIdKey Key = new([.. Enumerable.Range(7, 32).Select(i => (byte)i)]);

    [Fact]
    public void A_stored_payload_with_a_raw_person_key_is_read_with_the_opaque_id()
    {
        // PostgreSQL prints jsonb with a space after each colon.
        var folded = PersonIdFolding.Fold("""{"number": "JX-1", "personId": "id:330402198001011234", "details": {"callerName": "张三"}}""", Key);

        var read = System.Text.Json.JsonDocument.Parse(folded).RootElement;
        read.GetProperty("personId").GetString().Should().Be(Key.Opaque("id:330402198001011234"));
        read.GetProperty("details").GetProperty("callerName").GetString().Should().Be("张三");
        folded.Should().NotContain("330402198001011234");
    }

    [Fact]
    public void A_payload_without_a_person_id_is_returned_as_it_is()
    {
        const string payload = """{"unitCode": "330402-CENTRE"}""";

        PersonIdFolding.Fold(payload, Key).Should().BeSameAs(payload);
    }

    [Fact]
    public void A_new_event_is_recorded_with_the_opaque_id()
    {
        var recorded = PersonIdFolding.Fold(new Opened("JX-1", "phone:13812345678"), EventJson.Options, Key);

        recorded.PersonId.Should().Be(Key.Opaque("phone:13812345678"));
        recorded.Number.Should().Be("JX-1");
    }

    [Fact]
    public void An_opaque_id_is_left_alone()
    {
        var opened = new Opened("JX-1", Key.Opaque("phone:13812345678"));

        PersonIdFolding.Fold(opened, EventJson.Options, Key).Should().BeSameAs(opened);
    }

    [Theory]
    [InlineData("""{"personId":"p_abc","details":{"personId": "p_def"}}""")]
    [InlineData("""{"personId": "p_abc", "note": "personId: id:330402198001011234 in the text"}""")]
    public void A_payload_whose_person_ids_are_all_opaque_is_returned_as_it_is(string payload) =>
        PersonIdFolding.Fold(payload, Key).Should().BeSameAs(payload);

    [Theory]
    [InlineData("""{"details":{"personId":"phone:13812345678"}}""")]
    [InlineData("""{"details": [{"personId" : "phone:13812345678"}]}""")]
    public void A_raw_key_at_any_depth_and_in_either_spacing_is_folded(string payload) =>
        PersonIdFolding.Fold(payload, Key).Should().Contain(Key.Opaque("phone:13812345678")).And.NotContain("13812345678");

    private sealed record Opened(string Number, string PersonId);
}
