namespace Dispatch.Tickets;

/// <summary>
/// The contact methods suggested by the disability category written in the certificate (digit 19 of the number):
/// a hearing (2) or speech (3) disability is reached by text or video (sign language), a visual one (1) by voice, an
/// intellectual (5) or mental (6) one through the guardian. Physical (4) and multiple (7) suggest nothing: the operator
/// asks. The first method is the one the intake takes when none is chosen.
/// </summary>
public static class ContactSuggestions
{
    /// <summary>Each category digit that suggests something, with its methods, first the default.</summary>
    public static readonly IReadOnlyList<ContactSuggestion> All =
    [
        new(1, [TicketVocabulary.VoiceContact]),
        new(2, [TicketVocabulary.TextContact, TicketVocabulary.VideoContact]),
        new(3, [TicketVocabulary.TextContact, TicketVocabulary.VideoContact]),
        new(5, [TicketVocabulary.GuardianContact]),
        new(6, [TicketVocabulary.GuardianContact]),
    ];

    /// <summary>The methods for a category digit (1–7); empty when the category suggests none.</summary>
    public static IReadOnlyList<string> For(int category) => All.FirstOrDefault(s => s.Category == category)?.Methods ?? [];
}

/// <param name="Category">The certificate's category digit: 1 视力, 2 听力, 3 言语, 4 肢体, 5 智力, 6 精神, 7 多重.</param>
/// <param name="Methods">Suggested contact methods (<see cref="TicketVocabulary.ContactMethods"/>), the default first.</param>
public sealed record ContactSuggestion(int Category, IReadOnlyList<string> Methods);
