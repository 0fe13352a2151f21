namespace Dispatch.Items;

/// <summary>Why a supervision order (督办) was issued: by hand, a clock overdue, or a ticket returned too often.</summary>
public static class SupervisionCauses
{
    public const string Manual = "manual";
    public const string Overdue = "overdue";
    public const string RepeatedReturns = "repeated_returns";
}
