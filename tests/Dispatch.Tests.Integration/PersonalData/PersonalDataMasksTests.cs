using System.Text.Json;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.PersonalData;
using FluentAssertions;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>The masks every response applies, at the grain boundary and in the web app's lists (pure).</summary>
public sealed class PersonalDataMasksTests
{
    private static readonly Actor Operator = new("op", Roles.Operator, null, null);
    private static readonly Actor Supervisor = new("sup", Roles.Supervisor, null, "330400");
    private static readonly PersonIdKey Key = new([.. Enumerable.Range(3, 32).Select(i => (byte)i)]);

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0573-82345678", "0573-****5678")]
    [InlineData("123", "****")]
    public void A_phone_keeps_its_first_three_or_area_code_and_last_four_digits(string phone, string masked) =>
        PersonalDataMasks.MaskPhone(phone).Should().Be(masked);

    [Theory]
    [InlineData("33040219800101123X", "330402********123X")]
    [InlineData("3304021980010112342" + "1", "330402********123421")]
    [InlineData("12345", "******")]
    public void An_id_or_certificate_keeps_the_area_and_the_last_digits(string id, string masked) =>
        PersonalDataMasks.MaskId(id).Should().Be(masked);

    [Theory]
    [InlineData("张三", "张**")]
    [InlineData("欧阳娜娜", "欧**")]
    [InlineData("", "")]
    public void A_name_keeps_its_first_character(string name, string masked) => PersonalDataMasks.MaskName(name).Should().Be(masked);

    [Fact]
    public void Operators_see_names_and_supervisors_do_not()
    {
        PersonalDataMasks.Name("张三", Operator).Should().Be("张三");
        PersonalDataMasks.Name("张三", Supervisor).Should().Be("张**");
    }

    [Fact]
    public void A_person_is_masked_for_every_role()
    {
        var person = new PersonView("李明", "13812345678", "33040219800101123X", "33040219800101123X21", "330402", null, "解放路");

        var seen = PersonalDataMasks.Person(person, Operator);

        seen.Should().Be(person with { Phone = "138****5678", ResidentId = "330402********123X", DisabilityCertificate = "330402********123X21" });
        PersonalDataMasks.Person(person, Supervisor).Name.Should().Be("李**");
    }

    [Fact]
    public void An_event_payload_is_masked_and_an_old_raw_person_key_made_opaque()
    {
        var data = JsonSerializer.SerializeToElement(new
        {
            details = new { callerName = "张三", callerPhone = "13812345678", residentId = "33040219800101123X" },
            personId = "id:33040219800101123X",
            applicant = new { name = "李明", phone = "0573-82345678" },
        });

        var forOperator = PersonalDataMasks.Masked(data, Operator, Key);
        var forSupervisor = PersonalDataMasks.Masked(data, Supervisor, Key);

        forOperator.GetRawText().Should().NotContain("13812345678").And.NotContain("33040219800101123X").And.NotContain("82345678");
        forOperator.GetProperty("details").GetProperty("callerName").GetString().Should().Be("张三");
        forOperator.GetProperty("personId").GetString().Should().Be(Key.Opaque("id:33040219800101123X"));
        forSupervisor.GetProperty("details").GetProperty("callerName").GetString().Should().Be("张**");
        forSupervisor.GetProperty("applicant").GetProperty("name").GetString().Should().Be("李**");
    }
}
