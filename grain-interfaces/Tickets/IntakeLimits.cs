namespace Dispatch.Tickets;

/// <summary>How long the fields of a ticket's intake may be, in Unicode code points; the UI reads the same numbers.</summary>
public static class IntakeLimits
{
    public const int MinContentLength = 5;
    public const int MaxContentLength = 4000;
    public const int MaxTitleLength = 100;

    /// <summary>A title derived from the content when none is given takes this many characters of it.</summary>
    public const int DerivedTitleLength = 30;

    public const int MaxCallerNameLength = 50;
    public const int MaxAddressLength = 200;

    /// <summary>Another contact (an e-mail, a postal address, a messaging account).</summary>
    public const int MaxOtherContactLength = 200;
}
