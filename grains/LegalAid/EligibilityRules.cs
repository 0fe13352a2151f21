using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Items;
using static Dispatch.Items.TextRules;
using V = Dispatch.LegalAid.EligibilityVocabulary;

namespace Dispatch.LegalAid;

/// <summary>
/// The eligibility checklist of 《法律援助法》: what a recording may hold, and what a checklist still lacks before aid can
/// be granted. Pure: no I/O.
/// </summary>
public static class EligibilityRules
{
    /// <summary>The checklist items, named as <see cref="EligibilityView.Missing"/> names them, with their words and articles.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Labels = new Dictionary<string, (string, string)>
    {
        ["scope"] = ("援助事项范围（第三十一条；刑事案件第二十四条至第二十八条）", "scope of aid (Art. 31; criminal matters Arts. 24–28)"),
        ["means"] = ("经济困难状况（第三十四条）或免予审查、核查的依据（第三十二条、第四十二条）",
            "financial hardship (Art. 34) or the ground for not applying or not verifying it (Arts. 32, 42)"),
        ["meansBasis"] = ("经济困难的认定依据（第三十四条）", "the basis of the financial-hardship finding (Art. 34)"),
        ["exemptMatter"] = ("不受经济困难条件限制的事项（第三十二条）", "the matter not subject to the financial-hardship condition (Art. 32)"),
        ["exemptPerson"] = ("免予核查经济困难状况的人员类别（第四十二条）", "the group whose financial situation is not verified (Art. 42)"),
        ["jurisdiction"] = ("本站管辖（第三十八条）", "this station's jurisdiction (Art. 38)"),
    };

    /// <summary>Field errors of a recording: unknown codes, texts too long, and details that do not belong to the chosen means.</summary>
    public static DomainError? Check(RecordEligibility command) => Invalid(
        Optional("scope", command.Scope, V.Scopes, "援助事项范围", "scope of aid"),
        Optional("means", command.Means, V.Means, "经济状况条件", "means condition"),
        Detail("meansBasis", command.MeansBasis, command.Means, V.FinancialHardship, "经济困难的认定依据", "basis of the hardship finding"),
        command.ExemptMatter is null ? null : Choice("exemptMatter", command.ExemptMatter, V.ExemptMatters, "免受经济困难条件限制的事项", "exempt matter")
            ?? NotHere("exemptMatter", command.Means, V.ExemptMatter),
        command.ExemptPerson is null ? null : Choice("exemptPerson", command.ExemptPerson, V.ExemptPersons, "免予核查的人员类别", "exempt person")
            ?? NotHere("exemptPerson", command.Means, V.NotVerified),
        TextRules.Check("note", command.Note, TextLimits.Note, false, "审查意见", "note"));

    /// <summary>The items still missing, in checklist order; empty when the checklist is filled in (competent or not).</summary>
    public static ImmutableArray<string> Missing(EligibilityRecord? e)
    {
        if (e is null)
        {
            return ["scope", "means", "jurisdiction"];
        }
        var missing = ImmutableArray.CreateBuilder<string>();
        if (e.Scope is null)
        {
            missing.Add("scope");
        }
        var meansGap = e.Means switch
        {
            null => "means",
            V.FinancialHardship when e.MeansBasis is null => "meansBasis",
            V.ExemptMatter when e.ExemptMatter is null => "exemptMatter",
            V.NotVerified when e.ExemptPerson is null => "exemptPerson",
            _ => null,
        };
        if (meansGap is not null)
        {
            missing.Add(meansGap);
        }
        if (e.Competent is null)
        {
            missing.Add("jurisdiction");
        }
        return missing.ToImmutable();
    }

    /// <summary>Complete: nothing missing and this station is competent.</summary>
    public static bool Complete(EligibilityRecord? e) => e is { Competent: true } && Missing(e).IsEmpty;

    /// <summary>Why aid cannot be granted on this checklist (a 409 carrying the case's status), or null when it can.</summary>
    public static DomainError? BlocksGrant(LegalAidState s, ImmutableArray<string> allowed)
    {
        var missing = Missing(s.Eligibility);
        if (!missing.IsEmpty)
        {
            return ActionGate.Conflict(LegalAidRules.Words, s.Status, allowed, "eligibility_incomplete",
                $"资格审查清单尚未完成，不能决定给予援助。尚缺：{string.Join("；", missing.Select(m => Labels[m].Zh))}。",
                $"The eligibility checklist is incomplete, so aid cannot be granted. Missing: {string.Join("; ", missing.Select(m => Labels[m].En))}.");
        }
        return s.Eligibility!.Competent == false
            ? ActionGate.Conflict(LegalAidRules.Words, s.Status, allowed, "station_not_competent",
                "资格审查记录本站对该事项没有管辖权（《法律援助法》第三十八条），不能决定给予援助。",
                "The eligibility checklist records that this station is not competent for the matter (Legal Aid Law, Art. 38), so it cannot grant aid.")
            : null;
    }

    public static EligibilityView? View(EligibilityRecord? e) => e is null ? null : new EligibilityView(
        e.Scope, e.Means, e.MeansBasis, e.ExemptMatter, e.ExemptPerson, e.Competent, e.Note, e.RecordedAt, Missing(e), Complete(e));

    private static FieldError? Optional(string field, string? value, IReadOnlySet<string> allowed, string whatZh, string whatEn) =>
        value is null ? null : Choice(field, value, allowed, whatZh, whatEn);

    private static FieldError? Detail(string field, string? text, string? means, string belongsTo, string whatZh, string whatEn) =>
        TextRules.Check(field, text, TextLimits.Note, false, whatZh, whatEn) ?? (string.IsNullOrWhiteSpace(text) ? null : NotHere(field, means, belongsTo));

    /// <summary>A detail given for another means condition than the one it belongs to.</summary>
    private static FieldError? NotHere(string field, string? means, string belongsTo) => means == belongsTo
        ? null
        : new FieldError(field, "not_applicable", $"该项只在经济状况条件为“{Term(belongsTo)}”时填写。",
            $"This item is given only when the means condition is '{belongsTo}'.");

    private static string Term(string means) => V.MeansTerms.First(t => t.Code == means).Zh;
}
