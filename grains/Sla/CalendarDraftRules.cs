using System.Globalization;
using Dispatch.Calendar;
using Dispatch.Errors;

namespace Dispatch.Sla;

/// <summary>
/// Checks what an administrator enters for the calendar, every bad field at once with a message in Chinese and English:
/// a year's notice (holiday blocks inside the year and apart, make-up working days on a weekend outside the blocks, the
/// notice text and a reason) and a county closure (a known county, a day not yet past, a reason).
/// </summary>
public static class CalendarDraftRules
{
    public const int MaxBlockDays = 15, MaxText = 4000, MaxName = 50;

    public static Outcome<PublishedYear> Year(int year, CalendarYearDraft? draft)
    {
        var errors = new List<FieldError>();
        if (year is < 2000 or > 2100)
        {
            errors.Add(new FieldError("year", "out_of_range", "年份须在 2000 至 2100 之间。", "The year must be between 2000 and 2100."));
        }
        if (draft is null)
        {
            return DomainError.Validation([.. errors, Required("body", "请求内容", "The request body")]);
        }
        var blocks = Blocks(year, draft, errors);
        var makeUps = MakeUps(year, draft, blocks, errors);
        Text(draft.Source, "source", "放假通知原文（来源）", "The notice text (source)", errors);
        Text(draft.Reason, "reason", "变更原因", "The reason", errors);
        return errors.Count > 0
            ? DomainError.Validation([.. errors])
            : Outcome<PublishedYear>.Success(new PublishedYear(year, blocks, makeUps, draft.Source!.Trim()));
    }

    /// <summary>The closure's fields; <paramref name="counties"/> and <paramref name="today"/> check county and date.</summary>
    public static Outcome<CountyClosure> Closure(CountyClosureDraft? draft, Guid id, IReadOnlySet<string> counties, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (draft is null)
        {
            return DomainError.Validation(Required("body", "请求内容", "The request body"));
        }
        if (string.IsNullOrWhiteSpace(draft.CountyCode) || !counties.Contains(draft.CountyCode.Trim()))
        {
            errors.Add(new FieldError("countyCode", "unknown_county", "县（市、区）代码不存在。", "The county code is not known."));
        }
        var date = Date(draft.Date, "date", errors);
        if (date is { } day && day < today)
        {
            errors.Add(new FieldError("date", "in_the_past", "停工日期不能早于今天：已过去的时间按当时的日历计算。",
                "The closure day cannot be before today: time already passed stays counted on the calendar of its time."));
        }
        Text(draft.Reason, "reason", "停工原因", "The reason", errors);
        return errors.Count > 0
            ? DomainError.Validation([.. errors])
            : Outcome<CountyClosure>.Success(new CountyClosure(id, draft.CountyCode!.Trim(), date!.Value, draft.Reason!.Trim()));
    }

    public static IReadOnlyList<FieldError> Reason(string? reason)
    {
        var errors = new List<FieldError>();
        Text(reason, "reason", "撤销原因", "The reason", errors);
        return errors;
    }

    private static List<HolidayBlock> Blocks(int year, CalendarYearDraft draft, List<FieldError> errors)
    {
        var blocks = new List<HolidayBlock>();
        if (draft.HolidayBlocks.IsDefaultOrEmpty)
        {
            errors.Add(new FieldError("holidayBlocks", "required", "至少须有一个放假时段。", "At least one holiday block is needed."));
            return blocks;
        }
        for (var i = 0; i < draft.HolidayBlocks.Length; i++)
        {
            var where = $"holidayBlocks[{i}]";
            var block = draft.HolidayBlocks[i];
            var name = Name(block?.Name, where + ".name", errors);
            var from = InYear(Date(block?.From, where + ".from", errors), year, where + ".from", errors);
            var to = InYear(Date(block?.To, where + ".to", errors), year, where + ".to", errors);
            if (from is null || to is null || name is null)
            {
                continue;
            }
            if (to < from || to.Value.DayNumber - from.Value.DayNumber >= MaxBlockDays)
            {
                errors.Add(new FieldError(where + ".to", "bad_range", $"放假时段须从开始日到结束日，且不超过 {MaxBlockDays} 天。",
                    $"A holiday block must end on or after its first day and last at most {MaxBlockDays} days."));
                continue;
            }
            if (blocks.FirstOrDefault(b => b.From <= to && from <= b.To) is { } overlap)
            {
                errors.Add(new FieldError(where, "overlap", $"与放假时段“{overlap.Name}”重叠。", $"Overlaps the holiday block '{overlap.NameEn ?? overlap.Name}'."));
                continue;
            }
            blocks.Add(new HolidayBlock(name, Optional(block!.NameEn), from.Value, to.Value));
        }
        return blocks;
    }

    private static List<CalendarDay> MakeUps(int year, CalendarYearDraft draft, List<HolidayBlock> blocks, List<FieldError> errors)
    {
        var days = new List<CalendarDay>();
        var entries = draft.MakeUpWorkingDays.IsDefault ? [] : draft.MakeUpWorkingDays;
        for (var i = 0; i < entries.Length; i++)
        {
            var where = $"makeUpWorkingDays[{i}]";
            if (InYear(Date(entries[i]?.Date, where + ".date", errors), year, where + ".date", errors) is not { } date)
            {
                continue;
            }
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(new FieldError(where + ".date", "not_a_weekend", "调休上班日须为周六或周日。", "A make-up working day must be a Saturday or Sunday."));
            }
            else if (blocks.Any(b => b.From <= date && date <= b.To))
            {
                errors.Add(new FieldError(where + ".date", "inside_a_block", "调休上班日不能在放假时段内。", "A make-up working day cannot lie inside a holiday block."));
            }
            else if (days.Any(d => d.Date == date))
            {
                errors.Add(new FieldError(where + ".date", "duplicate", "调休上班日重复。", "The make-up working day is listed twice."));
            }
            else
            {
                days.Add(new CalendarDay(date, Optional(entries[i]!.Name) ?? "调休上班", Optional(entries[i]!.NameEn) ?? "Make-up working day"));
            }
        }
        return days;
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new FieldError(field, "bad_date", "日期须为 yyyy-MM-dd 格式。", "The date must be given as yyyy-MM-dd."));
        return null;
    }

    private static DateOnly? InYear(DateOnly? date, int year, string field, List<FieldError> errors)
    {
        if (date is { } day && day.Year != year)
        {
            errors.Add(new FieldError(field, "outside_the_year", $"日期须在 {year} 年内。", $"The date must lie in {year}."));
            return null;
        }
        return date;
    }

    private static string? Name(string? name, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxName)
        {
            errors.Add(new FieldError(field, "required", $"须填写名称（不超过 {MaxName} 字）。", $"A name of at most {MaxName} characters is needed."));
            return null;
        }
        return name.Trim();
    }

    private static void Text(string? text, string field, string zh, string en, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(Required(field, zh, en));
        }
        else if (text.Length > MaxText)
        {
            errors.Add(new FieldError(field, "too_long", $"{zh}不能超过 {MaxText} 字。", $"{en} must be at most {MaxText} characters."));
        }
    }

    private static FieldError Required(string field, string zh, string en) => new(field, "required", $"须填写{zh}。", $"{en} is required.");

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
