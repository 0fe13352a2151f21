namespace Dispatch.Web.Auth.Sessions;

/// <summary>How long a sign-in lasts, bound from the configuration section <c>Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session ends this long after sign-in whatever the activity (cookie renewal, token refresh).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The cookie's sliding window: it lapses after this much inactivity.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(10);

    /// <summary>A bearer access token's life; the client refreshes after it.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an instance trusts what it last read of a session before asking the database again.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}
