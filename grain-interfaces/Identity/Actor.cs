namespace Dispatch.Identity;

/// <summary>Who does something: recorded on every change.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Actor")]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Role,
    [property: Id(2)] string? UnitCode,
    [property: Id(3)] string? AreaCode);

/// <summary>Role names, as stored in the identity tables and carried in tokens.</summary>
public static class Roles
{
    public const string Operator = "operator";
    public const string UnitStaff = "unit_staff";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Operator, UnitStaff, Supervisor, Admin];
}
