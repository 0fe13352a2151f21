namespace Dispatch.Identity;

/// <summary>Who does something: recorded on every change.</summary>
/// <param name="UnitHead">Unit staff who head their unit (负责人): they approve a petition's extension.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Role,
    [property: Id(2)] string? UnitCode,
    [property: Id(3)] string? AreaCode,
    [property: Id(4)] bool UnitHead = false)
{
    /// <summary>The SLA engine and other automatic work.</summary>
    public static readonly Actor Platform = new("system", Roles.System, null, null);
}

/// <summary>Role names, as stored in the identity tables and carried in tokens.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string UnitStaff = "unit_staff";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    /// <summary>The platform itself: deadlines firing, automatic supervision orders.</summary>
    public const string System = "system";

    /// <summary>
    /// An API client of the online channel (Open311): it registers tickets on the <c>online</c> channel and covers no
    /// county or unit, so it sees and changes nothing else. The web app acts with it only for a verified API key; no account
    /// holds it.
    /// </summary>
    public const string OnlineIntake = "online_intake";

    /// <summary>The roles people's accounts hold.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, UnitStaff, Supervisor, Admin];

    /// <summary>The roles a client of the cluster (the web app) may act with: the accounts' roles and the online intake.</summary>
    public static IReadOnlyList<string> FromClients { get; } = [.. All, OnlineIntake];
}
