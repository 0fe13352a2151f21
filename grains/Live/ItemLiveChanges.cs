using Dispatch.Scopes;
using System.Collections.Immutable;
using Dispatch.Stats;
using Dispatch.Items;
using Dispatch.Sla;
using Dispatch.PersonalData;

namespace Dispatch.Live;

/// <summary>
/// The live-feed mapping shared by every kind of item: from the item as shown before and after a committed write, the
/// milestone its events reached, its alerts and its counter changes, what browsers should hear and where. Pure.
/// </summary>
public static class ItemLiveChanges
{
    /// <param name="before">The item as stored before the write; null for a new item.</param>
    /// <param name="milestone">The change kind the events name (concluded, completed...), or null.</param>
    public static LiveChange? From(
        LiveItem? before, LiveItem after, string? milestone, ImmutableArray<LiveAlert> alerts, IReadOnlyList<CounterChange> counters, DateTimeOffset at)
    {
        var change = Kind(before, after, milestone);
        var statsScopes = CounterDelta.ScopesOf(counters);
        if (change is null && alerts.IsEmpty && statsScopes.Count == 0)
        {
            return null;
        }
        return new LiveChange(after, change, Scopes(before, after), alerts, [.. statsScopes], at);
    }

    /// <summary>registered for a new item; else the milestone; else a change of the worst clock; else updated when the status moved.</summary>
    public static string? Kind(LiveItem? before, LiveItem after, string? milestone)
    {
        if (before is null)
        {
            return LiveChangeKinds.Registered;
        }
        return milestone
            ?? ClockKind(before.ClockState, after.ClockState)
            ?? (before.Status != after.Status ? LiveChangeKinds.Updated : null);
    }

    /// <summary>overdue, atRisk, or cleared when the worst clock left warning or overdue; null when nothing a list shows moved.</summary>
    public static string? ClockKind(string? before, string? after)
    {
        if (before == after)
        {
            return null;
        }
        return after switch
        {
            "overdue" => LiveChangeKinds.Overdue,
            "warning" => LiveChangeKinds.AtRisk,
            _ when before is "warning" or "overdue" => LiveChangeKinds.Cleared,
            _ => null,
        };
    }

    /// <summary>The city, the county, the item's unit, and the unit that just lost it (so its list drops it).</summary>
    public static ImmutableArray<string> Scopes(LiveItem? before, LiveItem after)
    {
        var scopes = StatsScope.KeysOf(after.CountyCode, after.UnitCode).ToList();
        if (before?.UnitCode is { } previous && previous != after.UnitCode)
        {
            scopes.Add(StatsScope.Unit(previous).Key);
        }
        return [.. scopes];
    }

    public static string Suffix(string? note) => string.IsNullOrWhiteSpace(note) ? "." : ": " + note;

    /// <summary>
    /// The supervisors' alerts of one commit, worded alike for every kind of item from its vocabulary. The label and a
    /// supervision note are free text bound for dashboards and the big screen: both are screened of the item's person's
    /// name and of every personal number.
    /// </summary>
    /// <param name="label">What names the item beside its number: a ticket's title, a case's or visit's type.</param>
    /// <param name="personName">The item's caller, applicant or person.</param>
    public static ImmutableArray<LiveAlert> Alerts(
        ItemVocabulary words, string number, string label, string? personName, IEnumerable<ItemAlarm> alarms)
    {
        var shown = FreeText.Screen(label, personName);
        var screened = (string? note) => note is null ? null : FreeText.Screen(note, personName);
        return [.. alarms.Select(alarm => alarm switch
        {
            { OverdueClock: { } clock } => Overdue(words, number, shown, clock),
            { EscalatedTo: { } level } => Escalated(words, number, shown, alarm.OrderCause!, level),
            { Reminder: true } => Reminded(words, number, shown, screened(alarm.OrderNote)),
            _ => SupervisionOrdered(words, number, shown, alarm with { OrderNote = screened(alarm.OrderNote) }),
        })];
    }

    /// <summary>The item as pushed: its title screened like the alerts' label.</summary>
    public static LiveItem Screened(LiveItem item, string? personName) => item with { Title = FreeText.Screen(item.Title, personName) };

    private static LiveAlert Overdue(ItemVocabulary words, string number, string label, string clock) =>
        new(LiveAlertKinds.Overdue,
            $"{words.Name.Zh} {number}（{label}）{words.ClockZh(clock)}已超期。",
            $"{Capitalised(words.Name.En)} {number} ({label}): the {words.ClockEn(clock).ToLowerInvariant()} deadline has passed.");

    private static LiveAlert SupervisionOrdered(ItemVocabulary words, string number, string label, ItemAlarm order) =>
        new(LiveAlertKinds.Supervision,
            $"{words.Name.Zh} {number}（{label}）已督办（{SupervisionCauses.Zh(order.OrderCause!)}）{Suffix(order.OrderNote)}",
            $"Supervision order on {words.Name.En} {number} ({label}, {SupervisionCauses.En(order.OrderCause!)}){Suffix(order.OrderNote)}");

    /// <summary>The order went unanswered to its due time: the supervisors of the level it reached hear of it.</summary>
    private static LiveAlert Escalated(ItemVocabulary words, string number, string label, string cause, string level) =>
        new(LiveAlertKinds.Supervision,
            $"{words.Name.Zh} {number}（{label}）督办（{SupervisionCauses.Zh(cause)}）逾期未回复，已升级至{SupervisionLevels.Zh(level)}。",
            $"Supervision order on {words.Name.En} {number} ({label}, {SupervisionCauses.En(cause)}) was not answered in time and went to the {SupervisionLevels.En(level)} level.");

    /// <summary>催办: a notice to the unit, no order.</summary>
    private static LiveAlert Reminded(ItemVocabulary words, string number, string label, string? note) =>
        new(LiveAlertKinds.Reminder, $"{words.Name.Zh} {number}（{label}）催办{Suffix(note)}", $"Reminder on {words.Name.En} {number} ({label}){Suffix(note)}");

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>
/// How one kind of item (a case, a visit) shows in the live feed: its live item, the label beside its number, the
/// milestone its events reach and what each event raises for supervisors. The pushed title and alerts are screened of
/// the row's person's name (<see cref="IPersonNamedRow"/>).
/// </summary>
public sealed record ItemLiveMapper<TRow, TEvent>(
    ItemVocabulary Words,
    Func<TRow, LiveItem> Item,
    Func<TRow, string> Label,
    Func<IReadOnlyList<TEvent>, string?> Milestone,
    Func<TEvent, ItemAlarm?> Alarm)
    where TRow : class, IPersonNamedRow
{
    /// <summary>What browsers should hear about one committed write. Pure: the item's host announces it after its transaction.</summary>
    public LiveChange? From(TRow? before, TRow after, IReadOnlyList<TEvent> events, IReadOnlyList<CounterChange> counters, DateTimeOffset at) =>
        ItemLiveChanges.From(before is null ? null : Item(before), Shown(after), Milestone(events), Alerts(after, events), counters, at);

    /// <summary>The item as browsers are shown it: its title screened of the row's person's name.</summary>
    public LiveItem Shown(TRow row) => ItemLiveChanges.Screened(Item(row), row.PersonName);

    /// <summary>A clock that ran out, and every supervision order (manual or automatic).</summary>
    public ImmutableArray<LiveAlert> Alerts(TRow row, IReadOnlyList<TEvent> events) =>
        ItemLiveChanges.Alerts(Words, Item(row).Number, Label(row), row.PersonName, events.Select(Alarm).OfType<ItemAlarm>());
}

/// <summary>
/// What one event raises: a clock that ran out, a supervision order with its cause and note, an order escalated to a
/// level, or a reminder (催办) to the unit with its note.
/// </summary>
public sealed record ItemAlarm(string? OverdueClock, string? OrderCause, string? OrderNote)
{
    public string? EscalatedTo { get; init; }

    public bool Reminder { get; init; }

    public static ItemAlarm Escalation(string cause, string level) => new(null, cause, null) { EscalatedTo = level };

    public static ItemAlarm Reminded(string note) => new(null, null, note) { Reminder = true };

    public static ItemAlarm Overdue(string clock) => new(clock, null, null);

    public static ItemAlarm Order(string cause, string? note) => new(null, cause, note);
}
