using System.Text.Json;
using System.Xml.Linq;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using static Dispatch.Tests.Integration.Open311.Open311Api;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>GET services and GET a service definition, in JSON and XML, in the shapes of the specification's examples.</summary>
public sealed class Open311ServicesApiTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static IEnumerable<string> Names(JsonElement item) => item.EnumerateObject().Select(p => p.Name);

    private static IEnumerable<string> Names(XElement element) => element.Elements().Select(e => e.Name.LocalName);

    [Fact]
    public async Task The_json_service_list_holds_every_kind_and_topic_in_the_specifications_fields()
    {
        var services = await JsonAsync(system.Web.Client, $"{Root}/services.json");

        services.ValueKind.Should().Be(JsonValueKind.Array);
        services.GetArrayLength().Should().Be(6 * 10, "six kinds times ten topics");
        foreach (var service in services.EnumerateArray())
        {
            Names(service).Should().Equal(Open311Shapes.Service);
            service.GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.True, "every service has attributes");
            service.GetProperty("type").GetString().Should().Be("realtime");
        }
        var complaint = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "complaint-accessibility");
        complaint.GetProperty("service_name").GetString().Should().Be("投诉·无障碍 / Complaint: Accessibility");
        complaint.GetProperty("group").GetString().Should().Be("投诉 / Complaint");
        complaint.GetProperty("keywords").GetString().Should().Contain("accessibility").And.Contain("无障碍");
    }

    [Fact]
    public async Task The_xml_service_list_has_the_services_root_and_one_service_element_each()
    {
        var document = await XmlAsync(system.Web.Client, $"{Root}/services.xml");

        document.Root!.Name.LocalName.Should().Be("services");
        var services = document.Root.Elements().ToList();
        services.Should().HaveCount(60).And.OnlyContain(s => s.Name.LocalName == "service");
        services.Should().OnlyContain(s => Names(s).SequenceEqual(Open311Shapes.Service));
        var petition = services.Single(s => s.Element("service_code")!.Value == "petition-rights_protection");
        petition.Element("metadata")!.Value.Should().Be("true");
        petition.Element("service_name")!.Value.Should().Be("信访·维权 / Petition: Rights protection");
    }

    [Fact]
    public async Task A_json_service_definition_lists_its_attributes_with_the_counties_as_values()
    {
        var definition = await JsonAsync(system.Web.Client, $"{Root}/services/help-care_services.json");

        Names(definition).Should().Equal(Open311Shapes.Definition);
        definition.GetProperty("service_code").GetString().Should().Be("help-care_services");
        var attributes = definition.GetProperty("attributes").EnumerateArray().ToList();
        attributes.Select(a => a.GetProperty("code").GetString()).Should().Equal("county", "town", "resident_id", "disability_certificate");
        attributes.Select(a => a.GetProperty("order").GetInt32()).Should().Equal(1, 2, 3, 4);
        attributes.Select(a => a.GetProperty("datatype").GetString()).Should().OnlyContain(d => Open311Shapes.Datatypes.Contains(d));
        var county = attributes[0];
        Names(county).Should().Equal(Open311Shapes.ListAttribute);
        county.GetProperty("variable").GetBoolean().Should().BeTrue();
        county.GetProperty("required").GetBoolean().Should().BeTrue();
        county.GetProperty("datatype_description").ValueKind.Should().Be(JsonValueKind.Null);
        var values = county.GetProperty("values").EnumerateArray().ToList();
        values.Should().OnlyContain(v => Names(v).SequenceEqual(Open311Shapes.Value));
        values.Select(v => v.GetProperty("key").GetString()).Should().Contain(["330400", "330402", "330411", "330483"]);
        values.Single(v => v.GetProperty("key").GetString() == "330402").GetProperty("name").GetString().Should().StartWith("南湖区");
        attributes[1].GetProperty("required").GetBoolean().Should().BeFalse();
        Names(attributes[2]).Should().Equal(Open311Shapes.Attribute, "a string attribute has no values");
    }

    [Fact]
    public async Task An_xml_service_definition_nests_attribute_and_value_elements()
    {
        var document = await XmlAsync(system.Web.Client, $"{Root}/services/complaint-employment.xml");

        var root = document.Root!;
        root.Name.LocalName.Should().Be("service_definition");
        Names(root).Should().Equal(Open311Shapes.Definition);
        var attributes = root.Element("attributes")!.Elements().ToList();
        attributes.Should().HaveCount(4).And.OnlyContain(a => a.Name.LocalName == "attribute");
        Names(attributes[0]).Should().Equal(Open311Shapes.ListAttribute);
        attributes[0].Element("required")!.Value.Should().Be("true");
        attributes[0].Element("datatype_description")!.Value.Should().BeEmpty();
        var values = attributes[0].Element("values")!.Elements().ToList();
        values.Should().OnlyContain(v => v.Name.LocalName == "value" && Names(v).SequenceEqual(Open311Shapes.Value));
        values.Select(v => v.Element("key")!.Value).Should().Contain("330402");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_service_code_is_a_404_error_list(string format)
    {
        var response = await system.Web.Client.GetAsync($"{Root}/services/repair-potholes.{format}");

        ((int)response.StatusCode).Should().Be(404);
        var body = await response.Content.ReadAsStringAsync();
        if (format == "json")
        {
            var error = JsonDocument.Parse(body).RootElement.EnumerateArray().Single();
            Names(error).Should().Equal(Open311Shapes.Error);
            error.GetProperty("code").GetInt32().Should().Be(404);
            error.GetProperty("description").GetString().Should().Contain("service_code").And.Contain("没有这一服务");
        }
        else
        {
            var errors = XDocument.Parse(body).Root!;
            errors.Name.LocalName.Should().Be("errors");
            var error = errors.Elements().Single();
            error.Name.LocalName.Should().Be("error");
            Names(error).Should().Equal(Open311Shapes.Error);
            error.Element("code")!.Value.Should().Be("404");
        }
    }

    [Fact]
    public async Task A_format_other_than_json_or_xml_is_not_found()
    {
        var response = await system.Web.Client.GetAsync($"{Root}/services.csv");

        ((int)response.StatusCode).Should().Be(404);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\":404");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_open311_routes_and_the_request_form()
    {
        var document = await JsonAsync(system.Web.Client, "/openapi/v1.json");

        var paths = document.GetProperty("paths");
        paths.EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith(Root, StringComparison.Ordinal)).Should().BeEquivalentTo(
            $"{Root}/services.{{format}}", $"{Root}/services/{{service_code}}.{{format}}", $"{Root}/requests.{{format}}",
            $"{Root}/requests/{{service_request_id}}.{{format}}");
        var form = paths.GetProperty($"{Root}/requests.{{format}}").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/x-www-form-urlencoded").GetProperty("schema");
        var schema = form.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : form;
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Contain(
            ["api_key", "service_code", "description", "first_name", "last_name", "phone", "attribute[county]"]);
        var list = paths.GetProperty($"{Root}/requests.{{format}}").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString());
        list.Should().Contain(["format", "api_key", "service_request_id", "service_code", "start_date", "end_date", "status"]);
    }
}
