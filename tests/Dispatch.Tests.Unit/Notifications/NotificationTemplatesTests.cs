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
                (Shipped.RenderSubject(template.Id, values, language) ?? "").Should().NotContain("{");
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
    public void Every_e_mail_names_the_unit_the_deadline_and_the_link_and_has_a_subject_in_both_languages()
    {
        var emails = Shipped.All.Where(t => t.Channel == NotificationChannels.Email).ToList();

        emails.Select(t => t.Id).Should().BeEquivalentTo(NotificationTemplateIds.All.Where(id => id.EndsWith(NotificationTemplateIds.EmailSuffix)));
        foreach (var template in emails)
        {
            template.Placeholders.Should().Contain(["number", "unit", "deadline", "link"], template.Id);
            template.SubjectZh.Should().NotBeNullOrEmpty();
            template.SubjectEn.Should().NotBeNullOrEmpty();
        }
        Shipped.All.Where(t => t.Channel == NotificationChannels.Sms).Should().OnlyContain(t => t.SubjectZh == null && t.SubjectEn == null);
    }

    [Fact]
    public void An_e_mail_template_without_a_subject_stops_the_start_and_its_length_is_not_an_SMS_segment()
    {
        var body = new string('长', 2 * NotificationTemplates.SmsSegment) + "{number}";
        var withSubject = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.dispatched.email", "channel": "email", "recipient": "unit", "placeholders": ["number"],
              "subject": { "zh": "工单{number}", "en": "Ticket {number}" }, "zh": "BODY", "en": "Ticket {number}" }
            """).Replace("BODY", body);
        var withoutSubject = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.dispatched.email", "channel": "email", "recipient": "unit", "placeholders": ["number"],
              "zh": "BODY", "en": "Ticket {number}" }
            """).Replace("BODY", body);

        var longBody = () => NotificationTemplates.Parse(withSubject, "test.json");
        var noSubject = () => NotificationTemplates.Parse(withoutSubject, "test.json");

        // The long e-mail passes its own checks: what stops this file is only the templates it leaves out.
        longBody.Should().Throw<NotificationTemplateException>().WithMessage("*'ticket.registered' is missing*");
        noSubject.Should().Throw<NotificationTemplateException>().WithMessage("*ticket.dispatched.email*needs a subject*");
    }

    [Fact]
    public void An_e_mail_subject_with_an_unknown_placeholder_or_an_SMS_with_a_subject_stops_the_start()
    {
        var badSubject = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.dispatched.email", "channel": "email", "recipient": "unit", "placeholders": ["number"],
              "subject": { "zh": "工单{number}：{caller}", "en": "Ticket {number}" }, "zh": "工单{number}", "en": "Ticket {number}" }
            """);
        var smsSubject = Minimal.Replace("TEMPLATES", """
            { "id": "ticket.registered", "channel": "sms", "recipient": "caller", "placeholders": ["number"],
              "subject": { "zh": "工单{number}", "en": "Ticket {number}" }, "zh": "【12385】工单{number}", "en": "Ticket {number}" }
            """);

        var unknown = () => NotificationTemplates.Parse(badSubject, "test.json");
        var subjectOnSms = () => NotificationTemplates.Parse(smsSubject, "test.json");

        unknown.Should().Throw<NotificationTemplateException>().WithMessage("*zh subject*{caller}*");
        subjectOnSms.Should().Throw<NotificationTemplateException>().WithMessage("*ticket.registered*SMS has no subject*");
    }

    [Theory]
    [InlineData("zhang.office@example.org", "zh***@example.org")]
    [InlineData("ab@example.org", "a***@example.org")]
    [InlineData("no-at-sign", "no****")]
    public void An_e_mail_recipient_shows_its_first_characters_and_domain_only(string address, string masked)
    {
        NotificationChannels.MaskRecipient(NotificationChannels.Email, address).Should().Be(masked);
        NotificationChannels.MaskRecipient(NotificationChannels.Sms, "13812345678").Should().Be("138****5678");
    }

    [Fact]
    public void Rendering_without_a_placeholder_value_fails_rather_than_send_a_gap()
    {
        var render = () => Shipped.Render(NotificationTemplateIds.TicketRegistered, new Dictionary<string, string> { ["number"] = "JX1" });

        render.Should().Throw<NotificationTemplateException>().WithMessage("*deadline*");
    }
}
