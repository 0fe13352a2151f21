using Dispatch.People;

namespace Dispatch.Stats;

/// <summary>
/// Counter values read for some scopes and periods, summed over shards. Missing counters are 0. The set holds the
/// counters of the item type it was read for (tickets at the top); <see cref="ForType"/> holds the other types'.
/// </summary>
public sealed class CounterSet
{
    private readonly Dictionary<(string Scope, string Period, DateOnly Start), Dictionary<string, long>> values = [];
    private readonly Dictionary<string, CounterSet> others = new(StringComparer.Ordinal);

    /// <summary>The counters of another item type read into the same set (created empty when none were read).</summary>
    public CounterSet ForType(string itemType)
    {
        if (!others.TryGetValue(itemType, out var set))
        {
            set = new CounterSet();
            others[itemType] = set;
        }
        return set;
    }

    /// <summary>The counters of an item type: the set itself for tickets, else <see cref="ForType"/>.</summary>
    public CounterSet Of(string itemType) => itemType == ItemTypes.Ticket ? this : ForType(itemType);

    public void Add(string scope, string period, DateOnly start, string measure, long value)
    {
        if (!values.TryGetValue((scope, period, start), out var measures))
        {
            measures = new Dictionary<string, long>(StringComparer.Ordinal);
            values[(scope, period, start)] = measures;
        }
        measures[measure] = measures.GetValueOrDefault(measure) + value;
    }

    /// <summary>Records a counter's total as read; reading the same counter again (from another query) keeps one value.</summary>
    public void Set(string scope, string period, DateOnly start, string measure, long value)
    {
        if (!values.TryGetValue((scope, period, start), out var measures))
        {
            measures = new Dictionary<string, long>(StringComparer.Ordinal);
            values[(scope, period, start)] = measures;
        }
        measures[measure] = value;
    }

    public long Get(string scope, string period, DateOnly start, string measure) =>
        values.TryGetValue((scope, period, start), out var measures) ? measures.GetValueOrDefault(measure) : 0;

    public long Current(string scope, string measure) => Get(scope, StatsPeriod.Current, StatsPeriod.CurrentStart, measure);

    /// <summary>Every non-zero measure of one cell whose name starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<(string Measure, long Value)> WithPrefix(string scope, string period, DateOnly start, string prefix) =>
        values.TryGetValue((scope, period, start), out var measures)
            ? measures.Where(m => m.Value != 0 && m.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(m => (m.Key, m.Value))
            : [];
}
