namespace Dispatch.Items;

/// <summary>
/// Why a supervision order (督办) was issued: by hand, a clock overdue, a ticket returned too often, or a step of the
/// escalation ladder (supervision.json: rework, repeat calls, unsatisfied callbacks).
/// </summary>
public static class SupervisionCauses
{
    public const string Manual = "manual";
    public const string Overdue = "overdue";
    public const string RepeatedReturns = "repeated_returns";
    public const string Rework = "rework";
    public const string RepeatCaller = "repeat_caller";
    public const string UnsatisfiedCallbacks = "unsatisfied_callbacks";

    /// <summary>Every cause an order may have.</summary>
    public static readonly IReadOnlyList<string> All = [Manual, Overdue, RepeatedReturns, Rework, RepeatCaller, UnsatisfiedCallbacks];

    /// <summary>The causes the escalation ladder may name.</summary>
    public static readonly IReadOnlyList<string> Ladder = [Rework, RepeatCaller, UnsatisfiedCallbacks];

    public static string Zh(string cause) => cause switch
    {
        Overdue => "超期自动督办",
        RepeatedReturns => "多次退单",
        Rework => "多次重办",
        RepeatCaller => "重复来电",
        UnsatisfiedCallbacks => "多次回访不满意",
        _ => "人工督办",
    };

    public static string En(string cause) => cause switch
    {
        Overdue => "automatic, overdue",
        RepeatedReturns => "repeated returns",
        Rework => "reopened repeatedly",
        RepeatCaller => "repeat caller",
        UnsatisfiedCallbacks => "unsatisfied callbacks",
        _ => "by a supervisor",
    };
}
