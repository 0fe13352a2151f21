namespace Dispatch.Items;

/// <summary>Why a supervision order (督办) was issued: by hand, a clock overdue, or a ticket returned too often.</summary>
public static class SupervisionCauses
{
    public const string Manual = "manual";
    public const string Overdue = "overdue";
    public const string RepeatedReturns = "repeated_returns";

    public static string Zh(string cause) => cause switch
    {
        Overdue => "超期自动督办",
        RepeatedReturns => "多次退单",
        _ => "人工督办",
    };

    public static string En(string cause) => cause switch
    {
        Overdue => "automatic, overdue",
        RepeatedReturns => "repeated returns",
        _ => "by a supervisor",
    };
}
