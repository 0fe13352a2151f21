using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.People;
using Dispatch.Scopes;
using static Dispatch.Items.TextRules;

namespace Dispatch.LegalAid;

/// <summary>Who reads and changes a station's roster, and what a valid entry is. Pure: no I/O.</summary>
public static class RosterRules
{
    public const int MaxLicenceLength = 40;
    public const int MaxDeclaredConflicts = 50;
    public const int MaxOpenCasesLimit = 200;

    /// <summary>Staff of the station, supervisors over its county, administrators.</summary>
    public static bool MayRead(Actor actor, string stationCode, string countyCode) =>
        actor.Role == Roles.Admin || ActorScope.Of(actor).IsStaffOf(stationCode) || ActorScope.Of(actor).SupervisesCounty(countyCode);

    /// <summary>The station's head (负责人) and administrators.</summary>
    public static bool MayChange(Actor actor, string stationCode) =>
        actor.Role == Roles.Admin || (actor.UnitHead && ActorScope.Of(actor).IsStaffOf(stationCode));

    public static DomainError NotFound(string stationCode) =>
        DomainError.NotFound($"The roster of station {stationCode}", $"法律援助机构 {stationCode} 的名册");

    public static DomainError MemberNotFound() => DomainError.NotFound("This roster member", "该名册人员");

    public static DomainError Forbidden() => DomainError.Forbidden(
        "只有本机构负责人或系统管理员可以修改名册。", "Only the station's head or an administrator may change the roster.");

    /// <summary>The entry as it will be stored, or the field errors; the phone is kept in its canonical form.</summary>
    public static Outcome<RosterMember> Validate(RosterMemberInput input, Guid id, string stationCode, int version)
    {
        PhoneNumber? phone = null;
        var badPhone = input.Phone is { } text && !string.IsNullOrWhiteSpace(text) && !PhoneNumber.TryParse(text, out phone, out _)
            ? new FieldError("phone", "invalid_format", "电话号码格式不正确。", "The phone number is not valid.")
            : null;
        var fields = input.Fields ?? [];
        var badField = fields.FirstOrDefault(f => !LegalAidVocabulary.CaseTypes.Contains(f ?? "")) is { } unknown || fields.Any(f => f is null)
            ? new FieldError("fields", "unknown_value", "执业领域须为案件类型之一。", "Each field of practice must be a case type.")
            : null;
        var conflicts = (input.DeclaredConflicts ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToImmutableArray();
        var badConflicts = conflicts.Length > MaxDeclaredConflicts || conflicts.Any(c => c.Length > LegalAidRules.MaxNameLength)
            ? new FieldError("declaredConflicts", "too_long", $"利益冲突当事人最多 {MaxDeclaredConflicts} 个，每个不超过 {LegalAidRules.MaxNameLength} 字。",
                $"At most {MaxDeclaredConflicts} declared parties, each at most {LegalAidRules.MaxNameLength} characters.")
            : null;
        var badCap = input.MaxOpenCases is not { } cap || cap < 1 || cap > MaxOpenCasesLimit
            ? new FieldError("maxOpenCases", "out_of_range", $"在办案件上限须为 1 至 {MaxOpenCasesLimit}。", $"The cap of open cases must be 1 to {MaxOpenCasesLimit}.")
            : null;
        if (Invalid(
                Check("name", input.Name, LegalAidRules.MaxNameLength, true, "姓名", "name"),
                Choice("kind", input.Kind, LegalAidVocabulary.HandlerKinds, "人员类别", "kind"),
                Check("organisation", input.Organisation, LegalAidRules.MaxOrganisationLength, false, "所在机构", "organisation"),
                badPhone,
                Check("licenceNumber", input.LicenceNumber, MaxLicenceLength, false, "执业证号", "licence number"),
                badField,
                Choice("status", input.Status, RosterVocabulary.Statuses, "状态", "status"),
                LeaveError(input),
                badCap,
                badConflicts) is { } invalid)
        {
            return invalid;
        }
        return Outcome<RosterMember>.Success(new RosterMember(id, stationCode, input.Name!.Trim(), input.Kind!, Trimmed(input.Organisation), phone?.Value,
            Trimmed(input.LicenceNumber), [.. fields.Distinct(StringComparer.Ordinal)], input.Status!,
            input.Status == RosterVocabulary.OnLeave ? input.LeaveFrom : null, input.Status == RosterVocabulary.OnLeave ? input.LeaveUntil : null,
            input.MaxOpenCases!.Value, [.. conflicts.Distinct(StringComparer.Ordinal)], version));
    }

    private static FieldError? LeaveError(RosterMemberInput input) => input.Status != RosterVocabulary.OnLeave
        ? null
        : input.LeaveFrom is not { } from || input.LeaveUntil is not { } until
            ? new FieldError("leaveFrom", "required", "休假须填写起止日期。", "Leave needs its first and last day.")
            : until < from
                ? new FieldError("leaveUntil", "before_start", "休假结束日期不能早于开始日期。", "Leave cannot end before it starts.")
                : null;
}
