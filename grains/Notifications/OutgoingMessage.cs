namespace Dispatch.Notifications;

/// <summary>Whom an outgoing message goes to: a person at an address kept in the row, or a unit at its phone or e-mail.</summary>
public sealed record OutgoingRecipient(string Kind, string? Address, string? UnitCode)
{
    public const string PersonKind = "person";
    public const string UnitKind = "unit";

    /// <summary>A caller, applicant or visited person (or their guardian) at this phone or address.</summary>
    public static OutgoingRecipient Person(string address) => new(PersonKind, address, null);

    /// <summary>A unit, reached at its phone (SMS) or e-mail address (e-mail) as the units table holds it when the item commits.</summary>
    public static OutgoingRecipient Unit(string unitCode) => new(UnitKind, null, unitCode);
}

/// <summary>One message an item's write calls for: a template, its channel, the recipient and the placeholders' values.</summary>
public sealed record OutgoingMessage(string Template, string Channel, OutgoingRecipient To, IReadOnlyDictionary<string, string> Placeholders);

/// <summary>The messages of one write, with the item's number and county that the outbox rows name.</summary>
public sealed record OutgoingMessages(string ItemNumber, string CountyCode, IReadOnlyList<OutgoingMessage> Messages)
{
    public static OutgoingMessages? Of(string number, string county, List<OutgoingMessage> messages) =>
        messages.Count == 0 ? null : new(number, county, messages);
}

/// <summary>How the placeholders show times: local (Asia/Shanghai), to the minute, the same for both languages.</summary>
public static class OutgoingTimes
{
    public static string Minute(DateTimeOffset local) => local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        Minute(start) + "-" + end.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
