using System.Collections.Immutable;
using System.Text.Json;
using Dispatch.Items;
using Dispatch.Live;
using Npgsql;

namespace Dispatch.Stats;

/// <summary>
/// What one commit of one item showed of clock gaming: its signals and the returns it passed on. Written in the item's
/// event transaction (<see cref="Commands"/>: at most two inserts, none when nothing was found) and announced as one
/// alert per signal to the supervisors (<see cref="Alerts"/>): no work on the write or push path when nothing fires.
/// </summary>
public sealed record ClockGamingFindings(
    string ItemType, Guid ItemId, string ItemNumber, string CountyCode, DateTimeOffset At,
    IReadOnlyList<GamingSignal> Signals, IReadOnlyList<ReturnPass> Passes)
{
    public bool IsEmpty => Signals.Count == 0 && Passes.Count == 0;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<NpgsqlBatchCommand> Commands()
    {
        if (Signals.Count > 0)
        {
            var insert = new NpgsqlBatchCommand("""
                insert into clock_gaming_signals (item_type, item_id, item_number, county_code, occurred_at, event_version, kind, unit_code, evidence)
                select $1, $2, $3, $4, $5, v, k, u, e::jsonb from unnest($6::integer[], $7::text[], $8::text[], $9::text[]) as s(v, k, u, e)
                on conflict do nothing
                """);
            Common(insert);
            insert.Parameters.Add(new NpgsqlParameter { Value = Signals.Select(s => s.EventVersion).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Signals.Select(s => s.Kind).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Signals.Select(s => s.UnitCode).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Signals.Select(s => JsonSerializer.Serialize(s.Evidence, Json)).ToArray() });
            yield return insert;
        }
        if (Passes.Count > 0)
        {
            var insert = new NpgsqlBatchCommand("""
                insert into return_passes (item_type, item_id, item_number, county_code, occurred_at, event_version, from_unit, to_unit)
                select $1, $2, $3, $4, $5, v, f, t from unnest($6::integer[], $7::text[], $8::text[]) as p(v, f, t)
                on conflict do nothing
                """);
            Common(insert);
            insert.Parameters.Add(new NpgsqlParameter { Value = Passes.Select(p => p.EventVersion).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Passes.Select(p => p.FromUnit).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = Passes.Select(p => p.ToUnit).ToArray() });
            yield return insert;
        }
    }

    private void Common(NpgsqlBatchCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = ItemType });
        command.Parameters.Add(new NpgsqlParameter { Value = ItemId });
        command.Parameters.Add(new NpgsqlParameter { Value = ItemNumber });
        command.Parameters.Add(new NpgsqlParameter { Value = CountyCode });
        command.Parameters.Add(new NpgsqlParameter { Value = At });
    }

    /// <summary>One alert per signal, naming the item by its number and the unit by its code: no title, no person.</summary>
    public ImmutableArray<LiveAlert> Alerts(ItemVocabulary words) =>
        [.. Signals.Select(s => new LiveAlert(ClockGamingAlert.Kind,
            $"{words.Name.Zh} {ItemNumber} 时限异常：{ClockGamingKinds.Zh(s.Kind)}（承办单位 {s.UnitCode}）。",
            $"Clock gaming on {words.Name.En} {ItemNumber}: {ClockGamingKinds.En(s.Kind)} (unit {s.UnitCode})."))];

    /// <summary>
    /// The commit's live change with the signals' alerts added; a commit that changed nothing else a browser hears of
    /// is announced for its alerts alone, in the item's scopes.
    /// </summary>
    public LiveChange? AddAlerts(LiveChange? change, ItemVocabulary words, Func<LiveItem> item)
    {
        if (Signals.Count == 0)
        {
            return change;
        }
        var alerts = Alerts(words);
        if (change is not null)
        {
            return change with { Alerts = change.Alerts.AddRange(alerts) };
        }
        var shown = item();
        return new LiveChange(shown, null, [.. Scopes.StatsScope.KeysOf(shown.CountyCode, shown.UnitCode)], alerts, [], At);
    }
}
