namespace Dispatch.Identity;

/// <summary>How an administrator's "disabled" is stored: a lockout that never ends, unlike one after failed sign-ins.</summary>
public static class DisabledAccounts
{
    /// <summary>Accounts locked until this moment or later are disabled, not merely locked after failed sign-ins.</summary>
    public static readonly DateTimeOffset LockedUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
