using Dispatch.Notifications;
using Dispatch.Schema;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Notifications;

public sealed class NotificationTemplatesTests
{
    private static readonly NotificationTemplates Shipped = NotificationTemplates.Load(DatabaseSetup.DefaultReferenceDataFolder);

    private const string Minimal = """
        { "signature": "【12385】", "templates": [ TEMPLATES ] }
        """;

    [Fact]
    public void Every_template_renders_in_both_languages_with_its_placeholders_filled()
    {
        foreach (var template in Shipped.All)
        {
            var values = template.Placeholders.ToDictionary(p => p, p => "<" + p + ">");
            foreach (var language in new[] { "zh", "en" })
            {
                var text = Shipped.Render(template.Id, values, language);
                text.Should().NotContain("{", $"{template.Id} ({language}) leaves no placeholder unfilled");
                template.Placeholders.Should().OnlyContain(p => text.Contains("<" + p + ">") || language == "en" && !template.En.Contains("{" + p + "}"));
            }
        }
    }

    [Fact]
    public void Every_template_the_items_use_is_shipped_and_every_SMS_is_signed_and_fits_one_segment_with_real_values()
    {
        Shipped.All.Select(t => t.Id).Should().Contain(NotificationTemplateIds.All);
        var typical = new Dictionary<string, string>
        {
            ["number"] = "JX12385-20261203-000123", ["deadline"] = "2026-12-08 17:30", ["window"] = "2026-12-08 09:00-11:00",
        };
        foreach (var template in Shipped.All.Where(t => t.Channel == NotificationChannels.Sms))
        {
            var text = Shipped.Render(template.Id, typical);
            text.Should().StartWith("【12385】");
            text.Length.Should().BeLessThanOrEqualTo(NotificationTemplates.SmsSegment, $"{template.Id} fits one SMS segment: {text}");
        }
    }

    [Fact]
    public void An_unknown_placeholder_stops_the_start_naming_the_template_and_the_placeholder()
    {
        var json = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.registered", "channel": "sms", "recipient": "caller", "placeholders": ["number"],
              "zh": "【12385】工单{number}，{caller}您好", "en": "Ticket {number}" }
            """);

        var load = () => NotificationTemplates.Parse(json, "test.json");

        load.Should().Throw<NotificationTemplateException>().WithMessage("*ticket.registered*{caller}*");
    }

    [Fact]
    public void A_template_the_items_use_that_is_missing_stops_the_start()
    {
        var json = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.registered", "channel": "sms", "recipient": "caller", "placeholders": ["number"],
              "zh": "【12385】工单{number}", "en": "Ticket {number}" }
            """);

        var load = () => NotificationTemplates.Parse(json, "test.json");

        load.Should().Throw<NotificationTemplateException>().WithMessage("*'ticket.dispatched' is missing*");
    }

    [Fact]
    public void An_unsigned_SMS_text_stops_the_start()
    {
        var json = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.registered", "channel": "sms", "recipient": "caller", "placeholders": ["number"],
              "zh": "工单{number}已登记", "en": "Ticket {number}" }
            """);

        var load = () => NotificationTemplates.Parse(json, "test.json");

        load.Should().Throw<NotificationTemplateException>().WithMessage("*signature*");
    }

    [Fact]
    public void Rendering_without_a_placeholder_value_fails_rather_than_send_a_gap()
    {
        var render = () => Shipped.Render(NotificationTemplateIds.TicketRegistered, new Dictionary<string, string> { ["number"] = "JX1" });

        render.Should().Throw<NotificationTemplateException>().WithMessage("*deadline*");
    }
}
