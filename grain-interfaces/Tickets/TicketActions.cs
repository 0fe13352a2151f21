namespace Dispatch.Tickets;

/// <summary>The action names of the ticket API: POST /api/tickets/{id}/{action}.</summary>
public static class TicketActions
{
    public const string Answer = "answer";
    public const string Dispatch = "dispatch";
    public const string Sign = "sign";
    public const string Return = "return";
    public const string Transfer = "transfer";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string ExtensionRequest = "extension-requests";
    public const string ExtensionDecision = "extension-decisions";
    public const string Resolve = "resolve";
    public const string Callback = "callback";
    public const string Reopen = "reopen";
    public const string Close = "close";
    public const string Merge = "merge";
    public const string Supervise = "supervise";

    /// <summary>督办回复: the unit's written reply to an open supervision order.</summary>
    public const string SupervisionReply = "supervision-reply";

    /// <summary>催办: an operator's or supervisor's reminder to the unit; no clock, never escalates.</summary>
    public const string Remind = "remind";

    /// <summary>受理 / 不予受理 of a petition.</summary>
    public const string Acceptance = "acceptance";

    /// <summary>复查 / 复核 申请: the petitioner asks the body one level up to review the answer.</summary>
    public const string Review = "review";
}
