using System.Text.Json;
using System.Text.RegularExpressions;
using Dispatch.PersonalData;

namespace Dispatch.Notifications;

/// <summary>The channels an outgoing message can take.</summary>
public static class NotificationChannels
{
    public const string Sms = "sms";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Sms, Email];

    /// <summary>A recipient as logs, errors and the API show it: 138****5678, zh***@example.org.</summary>
    public static string MaskRecipient(string channel, string recipient) =>
        channel == Email ? PersonalDataMasks.MaskEmail(recipient) : PersonalDataMasks.MaskPhone(recipient);
}

/// <summary>Where an outgoing message stands: waiting, claimed by a sender, sent, failed (to be tried again), dead (given up).</summary>
public static class NotificationStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Dead = "dead";

    public static readonly IReadOnlyList<string> All = [Pending, Sending, Sent, Failed, Dead];
}

/// <summary>The template ids the items use (reference-data/notifications.json must define each of them).</summary>
public static class NotificationTemplateIds
{
    public const string TicketRegistered = "ticket.registered";
    public const string TicketDispatched = "ticket.dispatched";
    public const string TicketTransferred = "ticket.transferred";
    public const string TicketSupervised = "ticket.supervised";
    public const string TicketOverdue = "ticket.overdue";
    public const string TicketResolved = "ticket.resolved";
    public const string LegalAidGranted = "legal_aid.granted";
    public const string LegalAidRefused = "legal_aid.refused";
    public const string RehabBooked = "rehab.booked";
    public const string RehabMoved = "rehab.moved";

    /// <summary>The e-mail of a unit notice: its own id, so the SMS and the e-mail of one event are two outbox rows.</summary>
    public const string EmailSuffix = ".email";
    public const string TicketDispatchedEmail = TicketDispatched + EmailSuffix;
    public const string TicketTransferredEmail = TicketTransferred + EmailSuffix;
    public const string TicketSupervisedEmail = TicketSupervised + EmailSuffix;
    public const string TicketOverdueEmail = TicketOverdue + EmailSuffix;

    public static readonly IReadOnlyList<string> All =
    [
        TicketRegistered, TicketDispatched, TicketTransferred, TicketSupervised, TicketOverdue, TicketResolved,
        LegalAidGranted, LegalAidRefused, RehabBooked, RehabMoved,
        TicketDispatchedEmail, TicketTransferredEmail, TicketSupervisedEmail, TicketOverdueEmail,
    ];
}

/// <summary>One message text: its channel, whom it goes to, its placeholders and its Chinese and English wording.</summary>
/// <param name="SubjectZh">An e-mail's subject line (every e-mail has one; an SMS none).</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Notifications.NotificationTemplate")]
public sealed record NotificationTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Recipient,
    [property: Id(3)] IReadOnlyList<string> Placeholders,
    [property: Id(4)] string Zh,
    [property: Id(5)] string En,
    [property: Id(6)] string? SubjectZh = null,
    [property: Id(7)] string? SubjectEn = null);

/// <summary>A template file that cannot be used; the message names the file and the bad entry.</summary>
public sealed class NotificationTemplateException(string message) : Exception(message);

/// <summary>
/// The texts of outgoing notifications, data read and checked at start from reference-data/notifications.json: every
/// template the items use is there, every placeholder a text uses is declared (an unknown one stops the start), every
/// declared one appears in the Chinese text, an SMS's Chinese text starts with the signature and fits one segment, and an
/// e-mail has a subject in both languages (an SMS has none).
/// </summary>
public sealed partial class NotificationTemplates
{
    public const string FileName = "notifications.json";

    /// <summary>The characters of one SMS segment in Chinese (UCS-2).</summary>
    public const int SmsSegment = 70;

    private readonly Dictionary<string, NotificationTemplate> byId;

    private NotificationTemplates(string signature, IReadOnlyList<NotificationTemplate> templates)
    {
        Signature = signature;
        All = templates;
        byId = templates.ToDictionary(t => t.Id, StringComparer.Ordinal);
    }

    public string Signature { get; }

    public IReadOnlyList<NotificationTemplate> All { get; }

    public NotificationTemplate? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The text of a template with its placeholders filled, in Chinese ("zh") or English ("en").</summary>
    /// <exception cref="NotificationTemplateException">The template is unknown or a placeholder has no value.</exception>
    public string Render(string id, IReadOnlyDictionary<string, string> values, string language = "zh")
    {
        var template = Find(id) ?? throw new NotificationTemplateException($"No notification template '{id}'.");
        return Fill(id, language == "en" ? template.En : template.Zh, values);
    }

    /// <summary>An e-mail's subject with its placeholders filled; null for an SMS.</summary>
    /// <exception cref="NotificationTemplateException">The template is unknown or a placeholder has no value.</exception>
    public string? RenderSubject(string id, IReadOnlyDictionary<string, string> values, string language = "zh")
    {
        var template = Find(id) ?? throw new NotificationTemplateException($"No notification template '{id}'.");
        return (language == "en" ? template.SubjectEn : template.SubjectZh) is { } subject ? Fill(id, subject, values) : null;
    }

    private static string Fill(string id, string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new NotificationTemplateException($"Template '{id}': no value for placeholder '{m.Groups[1].Value}'."));

    public static NotificationTemplates Load(string referenceDataFolder)
    {
        var path = Path.Combine(referenceDataFolder, FileName);
        if (!File.Exists(path))
        {
            throw new NotificationTemplateException($"Notification templates file not found: {path}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and checks the templates; <paramref name="source"/> names the file in every error.</summary>
    public static NotificationTemplates Parse(string json, string source)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new NotificationTemplateException($"Notification templates {source} are not valid JSON: {ex.Message}");
        }
        var signature = Text(root, "signature", source);
        if (!root.TryGetProperty("templates", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new NotificationTemplateException($"Notification templates {source}: 'templates' is missing.");
        }
        var templates = list.EnumerateArray().Select((t, i) => Read(t, signature, $"{source} templates[{i}]")).ToList();
        if (templates.GroupBy(t => t.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new NotificationTemplateException($"Notification templates {source}: '{twice.Key}' is defined twice.");
        }
        if (templates.FirstOrDefault(t => t.Id.EndsWith(NotificationTemplateIds.EmailSuffix, StringComparison.Ordinal) != (t.Channel == NotificationChannels.Email)) is { } mismatched)
        {
            throw new NotificationTemplateException(
                $"Notification templates {source}: '{mismatched.Id}' is on channel {mismatched.Channel}; an id ending '{NotificationTemplateIds.EmailSuffix}' is an e-mail, any other an SMS.");
        }
        if (NotificationTemplateIds.All.FirstOrDefault(id => templates.All(t => t.Id != id)) is { } missing)
        {
            throw new NotificationTemplateException($"Notification templates {source}: '{missing}' is missing.");
        }
        return new NotificationTemplates(signature, templates);
    }

    private static NotificationTemplate Read(JsonElement entry, string signature, string where)
    {
        var id = Text(entry, "id", where);
        var channel = Text(entry, "channel", where);
        if (!NotificationChannels.All.Contains(channel))
        {
            throw new NotificationTemplateException($"{where} ('{id}'): unknown channel '{channel}' (sms or email).");
        }
        var declared = entry.TryGetProperty("placeholders", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString() ?? "").ToList()
            : [];
        var (subjectZh, subjectEn) = Subject(entry, channel, id, where);
        var template = new NotificationTemplate(
            id, channel, Text(entry, "recipient", where), declared, Text(entry, "zh", where), Text(entry, "en", where), subjectZh, subjectEn);
        var texts = new[] { ("zh", "text", template.Zh), ("en", "text", template.En), ("zh", "subject", subjectZh), ("en", "subject", subjectEn) };
        foreach (var (language, part, text) in texts)
        {
            if (text is not null
                && PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(p => !declared.Contains(p)) is { } unknown)
            {
                throw new NotificationTemplateException($"{where} ('{id}'): the {language} {part} uses the unknown placeholder '{{{unknown}}}'.");
            }
        }
        if (declared.FirstOrDefault(p => !template.Zh.Contains("{" + p + "}", StringComparison.Ordinal)) is { } unused)
        {
            throw new NotificationTemplateException($"{where} ('{id}'): the placeholder '{unused}' is declared but the zh text does not use it.");
        }
        if (channel == NotificationChannels.Sms && !template.Zh.StartsWith(signature, StringComparison.Ordinal))
        {
            throw new NotificationTemplateException($"{where} ('{id}'): an SMS text starts with the signature {signature}.");
        }
        if (channel == NotificationChannels.Sms && template.Zh.Length > SmsSegment)
        {
            throw new NotificationTemplateException($"{where} ('{id}'): the zh text has {template.Zh.Length} characters, more than one SMS segment ({SmsSegment}).");
        }
        return template;
    }

    /// <summary>An e-mail's subject, <c>"subject": {"zh": ..., "en": ...}</c>: required for an e-mail, refused on an SMS.</summary>
    private static (string? Zh, string? En) Subject(JsonElement entry, string channel, string id, string where)
    {
        var has = entry.TryGetProperty("subject", out var subject);
        if (channel == NotificationChannels.Sms)
        {
            return has
                ? throw new NotificationTemplateException($"{where} ('{id}'): an SMS has no subject (only an e-mail does).")
                : (null, null);
        }
        if (!has || subject.ValueKind != JsonValueKind.Object)
        {
            throw new NotificationTemplateException($"{where} ('{id}'): an e-mail needs a subject, \"subject\": {{\"zh\": ..., \"en\": ...}}.");
        }
        return (Text(subject, "zh", $"{where} ('{id}') subject"), Text(subject, "en", $"{where} ('{id}') subject"));
    }

    private static string Text(JsonElement element, string name, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : throw new NotificationTemplateException($"{where}: '{name}' is missing or empty.");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex PlaceholderPattern();
}
