using Dispatch.Items;
using Dispatch.LegalAid;
using Dispatch.Rehab;
using Dispatch.Scopes;
using Dispatch.Tickets;

namespace Dispatch.Web.Reference;

/// <summary>GET /api/reference/vocabulary: what the contracts declare about items, in the shape the UI reads.</summary>
/// <param name="CityCode">The area code of the whole city (市本级); a supervisor with it sees every county.</param>
/// <param name="RevealPurposes">Why a user asks for a full personal value (POST .../reveal); "other" needs a note.</param>
/// <param name="ContactSuggestions">The contact methods a certificate's disability category suggests, the default first.</param>
/// <param name="ChannelsWithoutPhone">The channels on which a ticket may be registered without the caller's phone.</param>
public sealed record ReferenceVocabulary(
    ItemVocabularies Items, TextLimitsView TextLimits, IntakeLimitsView IntakeLimits, string CityCode, IReadOnlyList<Term> RevealPurposes,
    IReadOnlyList<ContactSuggestion> ContactSuggestions, IReadOnlyList<string> ChannelsWithoutPhone)
{
    public static readonly ReferenceVocabulary Current = new(
        new ItemVocabularies(
            ItemVocabularyView.Of(TicketVocabulary.Item, TicketVocabulary.WorklistStatuses),
            ItemVocabularyView.Of(LegalAidVocabulary.Item, LegalAidVocabulary.WorklistStatuses),
            ItemVocabularyView.Of(RehabVocabulary.Item, RehabVocabulary.WorklistStatuses)),
        new TextLimitsView(Dispatch.Items.TextLimits.Note, Dispatch.Items.TextLimits.LongText),
        new IntakeLimitsView(
            Dispatch.Tickets.IntakeLimits.MaxCallerNameLength, Dispatch.Tickets.IntakeLimits.MaxAddressLength,
            Dispatch.Tickets.IntakeLimits.MaxTitleLength, Dispatch.Tickets.IntakeLimits.MinContentLength,
            Dispatch.Tickets.IntakeLimits.MaxContentLength, Dispatch.Tickets.IntakeLimits.MaxOtherContactLength),
        ActorScope.CityCode,
        Dispatch.PersonalData.RevealPurposes.All,
        Dispatch.Tickets.ContactSuggestions.All,
        [.. TicketVocabulary.ChannelsWithoutPhone.Order(StringComparer.Ordinal)]);
}

public sealed record ItemVocabularies(ItemVocabularyView Ticket, ItemVocabularyView LegalAidCase, ItemVocabularyView RehabVisit);

/// <summary>One item's own name, statuses, actions and clocks, and the statuses that keep it on a unit's worklist.</summary>
public sealed record ItemVocabularyView(
    ItemName Name, IReadOnlyList<Term> Statuses, IReadOnlyList<Term> Actions, IReadOnlyList<Term> Clocks, IReadOnlyList<string> WorklistStatuses)
{
    public static ItemVocabularyView Of(ItemVocabulary vocabulary, IReadOnlyList<string> worklistStatuses) => new(
        new ItemName(vocabulary.Name.Zh, vocabulary.Name.En), vocabulary.Statuses, vocabulary.Actions, vocabulary.Clocks, worklistStatuses);
}

public sealed record ItemName(string Zh, string En);

public sealed record TextLimitsView(int Note, int LongText);

public sealed record IntakeLimitsView(int CallerName, int Address, int Title, int ContentMin, int Content, int OtherContact);
