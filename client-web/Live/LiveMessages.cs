using Dispatch.Live;

namespace Dispatch.Web.Live;

/// <summary>The hub's server-to-client messages and their payloads (camelCase JSON).</summary>
public static class LiveMessageNames
{
    public const string Snapshot = "snapshot";
    public const string StatsChanged = "statsChanged";
    public const string ItemChanged = "itemChanged";
    public const string Alert = "alert";
}

/// <summary>itemChanged. <c>at</c> is when the change was committed (UTC), for clients that measure the delay.</summary>
public sealed record ItemChangedMessage(string Scope, string Change, LiveItem Item, DateTimeOffset At);

public sealed record AlertMessage(string Scope, string Kind, LiveItem Item, DateTimeOffset At, string MessageZh, string MessageEn);
