namespace Dispatch.LegalAid;

/// <summary>
/// The codes of the eligibility checklist (资格审查), each labelled with the article of
/// 《中华人民共和国法律援助法》(2021) it comes from. Local practice is never among them.
/// </summary>
public static class EligibilityVocabulary
{
    /// <summary>
    /// Scope of aid: the civil and administrative matters of Art. 31 (一)–(九), and criminal matters (Arts. 24–28), which
    /// follow their own path.
    /// </summary>
    public static readonly IReadOnlyList<EligibilityTerm> ScopeTerms =
    [
        new("state_compensation", "依法请求国家赔偿", "Claim state compensation", "第三十一条第（一）项", "Art. 31 (1)"),
        new("social_insurance_or_assistance", "请求给予社会保险待遇或者社会救助", "Claim social insurance benefits or social assistance", "第三十一条第（二）项", "Art. 31 (2)"),
        new("survivor_pension", "请求发给抚恤金", "Claim a survivor's pension (抚恤金)", "第三十一条第（三）项", "Art. 31 (3)"),
        new("maintenance", "请求给付赡养费、抚养费、扶养费", "Claim support for parents, children or a spouse", "第三十一条第（四）项", "Art. 31 (4)"),
        new("labour_relation_or_pay", "请求确认劳动关系或者支付劳动报酬", "Claim recognition of an employment relation or payment of wages", "第三十一条第（五）项", "Art. 31 (5)"),
        new("civil_capacity", "请求认定公民无民事行为能力或者限制民事行为能力", "Ask to declare a person without or with limited civil capacity", "第三十一条第（六）项", "Art. 31 (6)"),
        new("personal_injury_compensation", "请求工伤事故、交通事故、食品药品安全事故、医疗事故人身损害赔偿",
            "Claim damages for personal injury in a work, traffic, food or drug safety, or medical accident", "第三十一条第（七）项", "Art. 31 (7)"),
        new("environmental_damage", "请求环境污染、生态破坏损害赔偿", "Claim damages for environmental pollution or ecological damage", "第三十一条第（八）项", "Art. 31 (8)"),
        new("other_by_regulation", "法律、法规、规章规定的其他情形", "Other matters set by laws, regulations or rules", "第三十一条第（九）项", "Art. 31 (9)"),
        new("criminal", "刑事案件（犯罪嫌疑人、被告人、被害人等）", "Criminal matters (suspects, defendants, victims and others)", "第二十四条至第二十八条", "Arts. 24–28"),
    ];

    /// <summary>How the means condition is met: financial hardship (Art. 34), or no means condition (Art. 32), or means not verified (Art. 42).</summary>
    public static readonly IReadOnlyList<EligibilityTerm> MeansTerms =
    [
        new(FinancialHardship, "经济困难（按省级人民政府确定的标准）", "Financial hardship (by the standard the province sets)", "第三十四条", "Art. 34"),
        new(ExemptMatter, "不受经济困难条件限制的事项", "A matter not subject to the financial-hardship condition", "第三十二条", "Art. 32"),
        new(NotVerified, "免予核查经济困难状况的人员", "A person whose financial situation is not verified", "第四十二条", "Art. 42"),
    ];

    public static readonly IReadOnlyList<EligibilityTerm> ExemptMatterTerms =
    [
        new("hero_martyr_relatives", "英雄烈士近亲属为维护英雄烈士的人格权益", "Close relatives of a hero or martyr protecting their personality rights", "第三十二条第（一）项", "Art. 32 (1)"),
        new("good_samaritan", "因见义勇为行为主张相关民事权益", "Civil claims arising from an act of bravery for others (见义勇为)", "第三十二条第（二）项", "Art. 32 (2)"),
        new("retrial_acquittal_compensation", "再审改判无罪请求国家赔偿", "State compensation after acquittal on retrial", "第三十二条第（三）项", "Art. 32 (3)"),
        new("abuse_or_domestic_violence", "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益", "Victims of abuse, abandonment or domestic violence claiming their rights", "第三十二条第（四）项", "Art. 32 (4)"),
        new("other_by_regulation", "法律、法规、规章规定的其他情形", "Other matters set by laws, regulations or rules", "第三十二条第（五）项", "Art. 32 (5)"),
    ];

    public static readonly IReadOnlyList<EligibilityTerm> ExemptPersonTerms =
    [
        new("vulnerable_without_income", "无固定生活来源的未成年人、老年人、残疾人等特定群体",
            "Minors, older people, persons with disabilities and similar groups without a fixed livelihood", "第四十二条第（一）项", "Art. 42 (1)"),
        new("assistance_recipient", "社会救助、司法救助或者优抚对象", "Recipients of social assistance, judicial assistance or special care (优抚)", "第四十二条第（二）项", "Art. 42 (2)"),
        new("migrant_worker_pay_or_injury", "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员",
            "Migrant workers claiming wages or damages for a work injury", "第四十二条第（三）项", "Art. 42 (3)"),
        new("other_by_regulation", "法律、法规、规章规定的其他人员", "Other persons set by laws, regulations or rules", "第四十二条第（四）项", "Art. 42 (4)"),
    ];

    public const string FinancialHardship = "financial_hardship";
    public const string ExemptMatter = "exempt_matter";
    public const string NotVerified = "not_verified";

    public static readonly IReadOnlySet<string> Scopes = Codes(ScopeTerms);
    public static readonly IReadOnlySet<string> Means = Codes(MeansTerms);
    public static readonly IReadOnlySet<string> ExemptMatters = Codes(ExemptMatterTerms);
    public static readonly IReadOnlySet<string> ExemptPersons = Codes(ExemptPersonTerms);

    private static HashSet<string> Codes(IEnumerable<EligibilityTerm> terms) => new(terms.Select(term => term.Code), StringComparer.Ordinal);
}

/// <summary>One checklist choice with its words and the article of the Law it rests on.</summary>
public sealed record EligibilityTerm(string Code, string Zh, string En, string ArticleZh, string ArticleEn);
