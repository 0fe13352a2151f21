namespace Dispatch.People;

/// <summary>
/// The kinds of work item a person record links: the same names serve as grain type, event stream type, the
/// deadline watcher's item type and the itemType field of the API.
/// </summary>
public static class ItemTypes
{
    public const string Ticket = "ticket";
    public const string LegalAidCase = "legal_aid_case";
    public const string RehabVisit = "rehab_visit";

    /// <summary>A rehabilitation plan: not itself on the person record (its visits are), but stored and keyed the same way.</summary>
    public const string RehabPlan = "rehab_plan";
}
