using Dispatch.Tickets;
using Dispatch.Items;
using Dispatch.PersonalData;
using Npgsql;

namespace Dispatch.Web.Tickets;

/// <summary>A row of a ticket list; the caller's phone (null when none was given) is always masked in lists.</summary>
public sealed record TicketSummary(
    Guid Id, string Number, [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Statuses))] string Status, bool Suspended,
    string? SuspendReason, [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Kinds))] string Kind,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Topics))] string Topic,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Urgencies))] string Urgency,
    [property: ClosedSet(typeof(TicketVocabulary), nameof(TicketVocabulary.Channels))] string Channel, string CallerName, string? CallerPhone, string CountyCode, string? TownCode, string? UnitCode, string Title,
    DateTimeOffset ReceivedAt, DateTimeOffset? SignDueAt, DateTimeOffset? HandlingDueAt, DateTimeOffset? CallbackDueAt,
    string? ClockState, bool AtRisk, bool Overdue, int ReturnCount, int ReworkCount, int RepeatCount,
    bool AwaitingDispatch, bool AwaitingRuling, Guid? MergedInto, string PersonId, int Version, string? AssigneeId, string? AssigneeName)
{
    public static TicketSummary Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), Columns.Text(r, 4), r.GetString(5), r.GetString(6), r.GetString(7),
        r.GetString(8), r.GetString(9), PersonalDataMasks.MaskOptionalPhone(Columns.Text(r, 10)), r.GetString(11), Columns.Text(r, 12), Columns.Text(r, 13), r.GetString(14),
        r.GetFieldValue<DateTimeOffset>(15), Columns.Time(r, 16), Columns.Time(r, 17), Columns.Time(r, 18),
        Columns.Text(r, 19), r.GetBoolean(20), r.GetBoolean(21), r.GetInt32(22), r.GetInt32(23), r.GetInt32(24),
        r.GetBoolean(25), r.GetBoolean(26), r.IsDBNull(27) ? null : r.GetGuid(27), r.GetString(28), r.GetInt32(29),
        Columns.Text(r, 30), Columns.Text(r, 31));
}
