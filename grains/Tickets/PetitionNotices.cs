using Dispatch.Errors;
using Dispatch.Items;
using Dispatch.Sla;

namespace Dispatch.Tickets;

/// <summary>Reads a written notice to the petitioner from a request: a known method, and a day between receipt and today.</summary>
public static class PetitionNotices
{
    public const int ReferenceLimit = 100;

    public static (WrittenNotice? Notice, FieldError? Error) Read(WrittenNoticeInput? input, string field, TicketState s, IClockReader clocks, bool required = true)
    {
        if (input is null)
        {
            return (null, required
                ? new FieldError(field, "required", "请登记书面告知的送达方式和日期。", "Record how and when the written notice was sent.")
                : null);
        }
        if (input.Method is null || !PetitionVocabulary.NoticeMethods.Contains(input.Method))
        {
            return (null, new FieldError($"{field}.method", input.Method is null ? "required" : "unknown_value",
                $"送达方式须为：{string.Join("、", PetitionVocabulary.NoticeMethods)}。",
                $"The notice method must be one of: {string.Join(", ", PetitionVocabulary.NoticeMethods)}."));
        }
        var received = clocks.LocalDate(s.ReceivedAt);
        var today = clocks.LocalDate(clocks.Now);
        if (input.SentOn is not { } sentOn || sentOn < received || sentOn > today)
        {
            return (null, new FieldError($"{field}.sentOn", input.SentOn is null ? "required" : "out_of_range",
                $"送达日期须在登记日（{received:yyyy-MM-dd}）与今天之间。", $"The day the notice was sent must lie between the day of receipt ({received:yyyy-MM-dd}) and today."));
        }
        if (TextRules.Check($"{field}.reference", input.Reference, ReferenceLimit, false, "送达凭证号", "notice reference") is { } tooLong)
        {
            return (null, tooLong);
        }
        return (new WrittenNotice(input.Method, sentOn, TextRules.Trimmed(input.Reference)), null);
    }
}
