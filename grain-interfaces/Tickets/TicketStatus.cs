namespace Dispatch.Tickets;

/// <summary>API statuses of a ticket: 登记, 派单, 签收, 办结, 归档.</summary>
public static class TicketStatus
{
    public const string Registered = "registered";
    public const string Dispatched = "dispatched";
    public const string Signed = "signed";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
}

public static class ClockNames
{
    public const string SignFor = "signFor";
    public const string Handling = "handling";
    public const string Callback = "callback";

    /// <summary>A petition's acceptance decision (受理 / 不予受理), from receipt.</summary>
    public const string Acceptance = "acceptance";
}
