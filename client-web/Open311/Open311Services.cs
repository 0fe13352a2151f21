using Dispatch.Tickets;

namespace Dispatch.Web.Open311;

/// <summary>One service of the catalogue: a ticket kind and topic, coded <c>{kind}-{topic}</c> (complaint-accessibility).</summary>
public sealed record Open311Service(Open311Services.Open311Term Kind, Open311Services.Open311Term Topic)
{
    public string Code => $"{Kind.Code}-{Topic.Code}";

    public string DisplayName => $"{Kind.Zh}·{Topic.Zh} / {Kind.En}: {Topic.En}";

    /// <summary>The row of GET services: service_code, service_name, description, metadata, type, keywords, group.</summary>
    public Open311Object Summary() => Open311Object.Of(
        new("service_code", Code),
        new("service_name", DisplayName),
        new("description", $"向嘉兴 12385 残疾人服务热线提出{Kind.Zh}（{Topic.Zh}）/ A {Kind.En.ToLowerInvariant()} to the Jiaxing 12385 disabled persons' service line about {Topic.En.ToLowerInvariant()}"),
        // Every service has attributes (where the matter is), so a client reads the definition before it posts.
        new("metadata", true),
        new("type", "realtime"),
        new("keywords", string.Join(", ", Kind.Code, Topic.Code, Kind.Zh, Topic.Zh)),
        new("group", $"{Kind.Zh} / {Kind.En}"));
}

/// <summary>
/// The services Open311 offers: every ticket kind with every topic, named in Chinese and English. The codes are the
/// ticket vocabulary's (a unit test keeps them equal); the names are the ones the UI shows.
/// </summary>
public static class Open311Services
{
    public sealed record Open311Term(string Code, string Zh, string En);

    private static readonly Open311Term[] Kinds =
    [
        new("inquiry", "咨询", "Inquiry"), new("help", "求助", "Request for help"), new("complaint", "投诉", "Complaint"),
        new("suggestion", "建议", "Suggestion"), new("petition", "信访", "Petition"), new("praise", "表扬", "Praise"),
    ];

    private static readonly Open311Term[] Topics =
    [
        new("rehabilitation", "康复", "Rehabilitation"), new("education", "教育", "Education"), new("employment", "就业", "Employment"),
        new("social_security", "社保与补贴", "Social security and subsidies"), new("care_services", "托养照护", "Care services"),
        new("accessibility", "无障碍", "Accessibility"), new("rights_protection", "维权", "Rights protection"),
        new("certificates", "残疾人证", "Certificates"), new("assistive_devices", "辅助器具", "Assistive devices"), new("other", "其他", "Other"),
    ];

    public static IReadOnlyList<Open311Service> All { get; } = [.. Kinds.SelectMany(k => Topics.Select(t => new Open311Service(k, t)))];

    public static IReadOnlyList<string> KindCodes { get; } = [.. Kinds.Select(k => k.Code)];

    public static IReadOnlyList<string> TopicCodes { get; } = [.. Topics.Select(t => t.Code)];

    private static readonly Dictionary<string, Open311Service> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static Open311Service? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var service) ? service : null;

    /// <summary>The service of a ticket's kind and topic, whatever channel it came by.</summary>
    public static string CodeOf(string kind, string topic) => $"{kind}-{topic}";

    /// <summary>The service's name for a ticket's kind and topic (a vocabulary value always has one).</summary>
    public static string NameOf(string kind, string topic) =>
        ByCode.TryGetValue(CodeOf(kind, topic), out var service) ? service.DisplayName : CodeOf(kind, topic);

    /// <summary>True when the catalogue names exactly the ticket vocabulary's kinds and topics.</summary>
    public static bool MatchesTicketVocabulary =>
        TicketVocabulary.Kinds.SetEquals(KindCodes) && TicketVocabulary.Topics.SetEquals(TopicCodes);
}
