using System.Globalization;
using System.Text.RegularExpressions;
using Dispatch.Errors;
using Dispatch.People;
using static Dispatch.Items.TextRules;

namespace Dispatch.Rehab;

/// <summary>A roster entry checked and trimmed, ready to store (the phone in full: the store keeps it, answers mask it).</summary>
public sealed record ValidWorker(string WorkerId, string Name, string Phone, string[] ServiceTypes, string[] Towns, int[] WorkingDays,
    TimeOnly DayStart, TimeOnly DayEnd, bool Active);

/// <summary>
/// The roster's rules (康复人员名册): what a worker entry must hold, and whether a worker can take a visit's window
/// (active, working that weekday and those hours, not on leave, of the visit's service type, covering its town). Pure.
/// </summary>
public static partial class RosterRules
{
    public const int MaxLeaveDays = 366;

    public static FieldError? WorkerIdError(string? id) => id is not null && WorkerIdPattern().IsMatch(id.Trim())
        ? null
        : new FieldError("workerId", id is null ? "required" : "invalid_format",
            "康复人员编号须为 1-40 位字母、数字、点、下划线或连字符。", "The worker id must be 1 to 40 letters, digits, dots, underscores or hyphens.");

    /// <summary>The entry, or the field errors; towns must be towns of the provider's county.</summary>
    public static (ValidWorker? Worker, FieldError[] Errors) Validate(WorkerDefinition w, IReadOnlySet<string> countyTowns)
    {
        var errors = new List<FieldError?>
        {
            WorkerIdError(w.WorkerId),
            Check("name", w.Name, RehabRules.MaxWorkerNameLength, true, "姓名", "name"),
        };
        PhoneNumber? phone = null;
        if (!PhoneNumber.TryParse(w.Phone, out phone, out var phoneError))
        {
            errors.Add(new FieldError("phone", w.Phone is null ? "required" : phoneError, "请填写有效的联系电话（手机或固定电话）。",
                "A valid phone number (mobile or landline) is required."));
        }
        var types = Distinct(w.ServiceTypes);
        if (types.Length == 0 || types.Any(t => !RehabVocabulary.ServiceTypes.Contains(t)))
        {
            errors.Add(new FieldError("serviceTypes", types.Length == 0 ? "required" : "unknown_value",
                $"服务类型须至少一项，且为：{string.Join("、", RehabVocabulary.ServiceTypes)}。",
                $"At least one service type, each one of: {string.Join(", ", RehabVocabulary.ServiceTypes)}."));
        }
        var towns = Distinct(w.Towns);
        if (towns.Length == 0 || towns.Any(t => !countyTowns.Contains(t)))
        {
            errors.Add(new FieldError("towns", towns.Length == 0 ? "required" : "unknown_value",
                "服务乡镇（街道）须至少一个，且属于本机构所在县（市、区）。", "At least one town, each a town of the provider's county."));
        }
        var days = (w.WorkingDays ?? []).Distinct().Order().ToArray();
        if (days.Length == 0 || days.Any(d => d is < 1 or > 7))
        {
            errors.Add(new FieldError("workingDays", days.Length == 0 ? "required" : "invalid_value",
                "工作日须至少一天，以 1（周一）到 7（周日）表示。", "At least one working day, 1 (Monday) to 7 (Sunday)."));
        }
        var start = Time("dayStart", w.DayStart, "上班时间", "start of the working day", errors);
        var end = Time("dayEnd", w.DayEnd, "下班时间", "end of the working day", errors);
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add(new FieldError("dayEnd", "invalid_value", "下班时间须晚于上班时间。", "The working day must end after it starts."));
        }
        FieldError[] found = [.. errors.OfType<FieldError>()];
        return found.Length > 0
            ? (null, found)
            : (new ValidWorker(w.WorkerId!.Trim(), w.Name!.Trim(), phone!.Value, types, towns, days, start!.Value, end!.Value, w.Active ?? true), []);
    }

    public static FieldError[] ValidateLeave(LeaveRequest leave)
    {
        var errors = new List<FieldError?>
        {
            leave.From is null ? new FieldError("from", "required", "请填写请假开始日期。", "The first day of leave is required.") : null,
            leave.To is null ? new FieldError("to", "required", "请填写请假结束日期。", "The last day of leave is required.") : null,
            Check("reason", leave.Reason, 200, true, "请假原因", "reason for the leave"),
        };
        if (leave.From is { } from && leave.To is { } to && (to < from || to.DayNumber - from.DayNumber >= MaxLeaveDays))
        {
            errors.Add(new FieldError("to", "invalid_value", $"请假结束日期须不早于开始日期，且不超过 {MaxLeaveDays} 天。",
                $"The leave must end on or after its first day and last at most {MaxLeaveDays} days."));
        }
        return [.. errors.OfType<FieldError>()];
    }

    /// <summary>Why the worker cannot take the window (a 409 naming the reason), or null when the worker can.</summary>
    public static DomainError? Refusal(RosterWorker? worker, string? workerId, DateTimeOffset start, DateTimeOffset end, string serviceType,
        string? townCode, TimeZoneInfo zone)
    {
        if (worker is null)
        {
            return Refused("worker_not_on_roster", $"康复人员 {workerId} 不在本机构的人员名册中，不能派出。",
                $"Worker {workerId} is not on the provider's roster and cannot be assigned.");
        }
        var who = $"{worker.Name}（{worker.WorkerId}）";
        var whoEn = $"{worker.Name} ({worker.WorkerId})";
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        var day = DateOnly.FromDateTime(from.DateTime);
        if (!worker.Active)
        {
            return Refused("worker_left", $"康复人员 {who} 已离职，不能派出。", $"Worker {whoEn} has left the provider and cannot be assigned.");
        }
        if (worker.Leave.FirstOrDefault(l => l.From <= day && day <= l.To) is { } leave)
        {
            return Refused("worker_on_leave", $"康复人员 {who} 在 {day:yyyy-MM-dd} 请假（{leave.From:yyyy-MM-dd} 至 {leave.To:yyyy-MM-dd}），不能派出。",
                $"Worker {whoEn} is on leave on {day:yyyy-MM-dd} ({leave.From:yyyy-MM-dd} to {leave.To:yyyy-MM-dd}) and cannot be assigned.");
        }
        if (!worker.WorkingDays.Contains(IsoDay(from.DayOfWeek)))
        {
            return Refused("worker_not_working_day", $"康复人员 {who} 在{ZhDay(from.DayOfWeek)}不上班，不能派出。",
                $"Worker {whoEn} does not work on {from.DayOfWeek}s and cannot be assigned.");
        }
        var hours = $"{worker.DayStart:HH\\:mm}–{worker.DayEnd:HH\\:mm}";
        if (DateOnly.FromDateTime(to.DateTime) != day || TimeOnly.FromDateTime(from.DateTime) < worker.DayStart || TimeOnly.FromDateTime(to.DateTime) > worker.DayEnd)
        {
            return Refused("worker_outside_hours", $"上门时段 {from:HH\\:mm}–{to:HH\\:mm} 不在康复人员 {who} 的工作时间 {hours} 内，不能派出。",
                $"The window {from:HH\\:mm}–{to:HH\\:mm} is outside worker {whoEn}'s working hours {hours} (Asia/Shanghai); the worker cannot be assigned.");
        }
        if (!worker.ServiceTypes.Contains(serviceType))
        {
            return Refused("worker_lacks_service_type", $"康复人员 {who} 不提供此类服务（{serviceType}），不能派出。",
                $"Worker {whoEn} does not provide this service type ({serviceType}) and cannot be assigned.");
        }
        if (townCode is not null && !worker.Towns.Contains(townCode))
        {
            return Refused("worker_outside_towns", $"康复人员 {who} 不负责服务对象所在乡镇（街道）{townCode}，不能派出。",
                $"Worker {whoEn} does not cover the person's town {townCode} and cannot be assigned.");
        }
        return null;
    }

    /// <summary>Monday of the local week the moment falls in, as a UTC instant, and the Monday after.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) LocalWeek(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        var monday = local.Date.AddDays(-(IsoDay(local.DayOfWeek) - 1));
        var start = new DateTimeOffset(monday, zone.GetUtcOffset(monday));
        return (start.ToUniversalTime(), start.AddDays(7).ToUniversalTime());
    }

    public static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static string ZhDay(DayOfWeek day) => "周" + "日一二三四五六"[(int)day];

    private static DomainError Refused(string code, string zh, string en) => DomainError.Conflict(code, zh, en);

    private static string[] Distinct(string[]? values) =>
        [.. (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    internal static TimeOnly? Time(string field, string? text, string whatZh, string whatEn, List<FieldError?> errors)
    {
        if (text is not null && TimeOnly.TryParseExact(text.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(new FieldError(field, text is null ? "required" : "invalid_format", $"{whatZh}须为 HH:mm 格式（如 08:30）。",
            $"The {whatEn} must be HH:mm (e.g. 08:30)."));
        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex WorkerIdPattern();
}
