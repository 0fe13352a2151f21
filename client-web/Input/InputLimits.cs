namespace Dispatch.Web.Input;

/// <summary>What the web edge accepts at most, before any rule looks at a request.</summary>
public static class InputLimits
{
    /// <summary>The largest request body: a calendar year or a rule version is a few tens of KB; intake is under 20 KB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>Any string in a JSON body; the fields' own rules are stricter (a note 1,000, a reply 4,000 characters).</summary>
    public const int MaxBodyString = Dispatch.Items.TextLimits.LongText;

    /// <summary>Any string in the path, the query or a header.</summary>
    public const int MaxParameterString = 200;

    /// <summary>Any list in a body.</summary>
    public const int MaxListItems = 1000;

    /// <summary>How deep the guard follows nested objects; deeper JSON is refused by the reader already.</summary>
    public const int MaxDepth = 12;
}
