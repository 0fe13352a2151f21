namespace Dispatch.Items;

/// <summary>An account as an item's assignment needs it: its role, its unit and whether it may still sign in.</summary>
public sealed record UnitMember(string UserId, string Name, string? Role, string? UnitCode, bool Active);
