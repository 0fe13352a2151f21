namespace Dispatch.Calendar;

/// <summary>One stretch of working time inside a working day, in local time (for example 08:30-12:00).</summary>
public readonly record struct WorkingPeriod
{
    public WorkingPeriod(TimeOnly start, TimeOnly end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A working period must end after it starts ({start:HH\\:mm}-{end:HH\\:mm}).", nameof(end));
        }
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }
    public TimeOnly End { get; }
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
