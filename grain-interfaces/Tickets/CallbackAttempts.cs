namespace Dispatch.Tickets;

/// <summary>The callback rule as the API states it: the silo decides with it, the callback queue shows it.</summary>
public static class CallbackAttempts
{
    /// <summary>Failed attempts after which the caller is told in writing (书面告知) and the ticket may be closed.</summary>
    public const int Limit = 3;
}
