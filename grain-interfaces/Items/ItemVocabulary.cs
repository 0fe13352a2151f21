namespace Dispatch.Items;

/// <summary>One word of an item's vocabulary: the code the API uses and its Chinese and English names.</summary>
public sealed record Term(string Code, string Zh, string En);

/// <summary>
/// What an item calls itself, its statuses, its actions and its clocks, in Chinese and English. Declared once per item
/// (<c>TicketVocabulary.Item</c>, <c>LegalAidVocabulary.Item</c>, <c>RehabVocabulary.Item</c>); the rules word their
/// refusals with it and the UI reads it from <c>GET /api/reference/vocabulary</c>.
/// </summary>
public sealed class ItemVocabulary(string itemType, Term name, IReadOnlyList<Term> statuses, IReadOnlyList<Term> actions, IReadOnlyList<Term> clocks)
{
    private readonly Dictionary<string, Term> statusByCode = statuses.ToDictionary(t => t.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, Term> actionByCode = actions.ToDictionary(t => t.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, Term> clockByCode = clocks.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public string ItemType { get; } = itemType;

    /// <summary>The item's own name: 工单 / ticket.</summary>
    public Term Name { get; } = name;

    public IReadOnlyList<Term> Statuses { get; } = statuses;

    public IReadOnlyList<Term> Actions { get; } = actions;

    public IReadOnlyList<Term> Clocks { get; } = clocks;

    public string StatusZh(string status) => statusByCode.TryGetValue(status, out var term) ? term.Zh : status;

    public string ActionZh(string action) => actionByCode.TryGetValue(action, out var term) ? term.Zh : action;

    public string ClockZh(string clock) => clockByCode.TryGetValue(clock, out var term) ? term.Zh : clock;

    public string ClockEn(string clock) => clockByCode.TryGetValue(clock, out var term) ? term.En : clock;
}
