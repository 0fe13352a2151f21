namespace Dispatch.Stats;

/// <summary>One counter an item adds 1 to, within a scope: a measure in one period.</summary>
public readonly record struct CounterCell(string Period, DateOnly Start, string Measure)
{
    public static CounterCell Current(string measure) => new(StatsPeriod.Current, StatsPeriod.CurrentStart, measure);

    /// <summary>The same measure on a local day, in its month and in its year.</summary>
    public static IEnumerable<CounterCell> Dated(DateOnly day, string measure) =>
    [
        new(StatsPeriod.Day, day, measure),
        new(StatsPeriod.Month, StatsPeriod.Start(StatsPeriod.Month, day), measure),
        new(StatsPeriod.Year, StatsPeriod.Start(StatsPeriod.Year, day), measure),
    ];
}
