namespace Dispatch.Fields;

/// <summary>An intake field as the API names it (camelCase JSON) and as messages call it in Chinese and English.</summary>
internal sealed record IntakeField(string Name, string Zh, string En)
{
    public static readonly IntakeField Channel = new("channel", "来源渠道", "channel");
    public static readonly IntakeField Kind = new("kind", "诉求类型", "request kind");
    public static readonly IntakeField Topic = new("topic", "诉求类别", "topic");
    public static readonly IntakeField Urgency = new("urgency", "紧急程度", "urgency");
    public static readonly IntakeField CallerName = new("callerName", "来电人姓名", "caller's name");
    public static readonly IntakeField CallerPhone = new("callerPhone", "联系电话", "caller's phone number");
    public static readonly IntakeField ResidentId = new("residentId", "身份证号", "resident ID number");
    public static readonly IntakeField DisabilityCertificate = new("disabilityCertificate", "残疾人证号", "disability certificate number");
    public static readonly IntakeField CountyCode = new("countyCode", "县（市、区）", "county");
    public static readonly IntakeField TownCode = new("townCode", "镇（街道）", "town or sub-district");
    public static readonly IntakeField Address = new("address", "地址", "address");
    public static readonly IntakeField Title = new("title", "标题", "title");
    public static readonly IntakeField Content = new("content", "诉求内容", "content");
    public static readonly IntakeField ContactMethod = new("contactMethod", "联系方式", "contact method");
    public static readonly IntakeField OtherContact = new("otherContact", "其他联系方式", "other contact");
    public static readonly IntakeField GuardianName = new("guardianName", "监护人/代理人姓名", "guardian's or agent's name");
    public static readonly IntakeField GuardianRelation = new("guardianRelation", "与来电人关系", "relation to the caller");
    public static readonly IntakeField GuardianPhone = new("guardianPhone", "监护人/代理人电话", "guardian's or agent's phone number");
}
