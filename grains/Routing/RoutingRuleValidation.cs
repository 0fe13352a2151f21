using Dispatch.Errors;
using Dispatch.Tickets;
using Dispatch.Units;

namespace Dispatch.Routing;

/// <summary>What makes a routing rule acceptable; the caller supplies the known areas and towns.</summary>
public static class RoutingRuleValidation
{
    public static IReadOnlyList<FieldError> Validate(RoutingRuleDefinition rule, IReadOnlySet<string> areas, IReadOnlyDictionary<string, string> townCounties)
    {
        var errors = new List<FieldError>();
        if (rule.CountyCode is not null && !areas.Contains(rule.CountyCode))
        {
            errors.Add(new("countyCode", "unknown_county", $"县（市、区）代码 {rule.CountyCode} 不存在。", $"The county code {rule.CountyCode} does not exist."));
        }
        if (rule.TownCode is not null)
        {
            if (!townCounties.TryGetValue(rule.TownCode, out var county))
            {
                errors.Add(new("townCode", "unknown_town", $"乡镇（街道）代码 {rule.TownCode} 不存在。", $"The town code {rule.TownCode} does not exist."));
            }
            else if (rule.CountyCode is not null && county != rule.CountyCode)
            {
                errors.Add(new("townCode", "town_not_in_county", "该乡镇（街道）不属于所填县（市、区）。", "The town does not belong to the county given."));
            }
        }
        if (rule.Kind is not null && !TicketVocabulary.Kinds.Contains(rule.Kind))
        {
            errors.Add(new("kind", "unknown_value", $"工单类型须为：{string.Join("、", TicketVocabulary.Kinds)}。", $"Kind must be one of: {string.Join(", ", TicketVocabulary.Kinds)}."));
        }
        if (rule.Topic is not null && !TicketVocabulary.Topics.Contains(rule.Topic))
        {
            errors.Add(new("topic", "unknown_value", $"诉求类别须为：{string.Join("、", TicketVocabulary.Topics)}。", $"Topic must be one of: {string.Join(", ", TicketVocabulary.Topics)}."));
        }
        if (rule.UnitKind is null || !UnitKinds.All.Contains(rule.UnitKind))
        {
            errors.Add(new("unitKind", "unknown_value", "承办单位类型须为 centre、legal_aid 或 rehab。", "The unit kind must be centre, legal_aid or rehab."));
        }
        if (rule.Note is { Length: > 200 })
        {
            errors.Add(new("note", "too_long", "备注不能超过 200 个字符。", "The note must be at most 200 characters."));
        }
        return errors;
    }
}
