namespace Dispatch.Calendar;

/// <summary>A working-day calendar file is missing or wrong; the message names the bad entry.</summary>
public sealed class CalendarDataException : Exception
{
    public CalendarDataException(string message) : base(message) { }
    public CalendarDataException(string message, Exception inner) : base(message, inner) { }
    public CalendarDataException() { }
}
