using System.Globalization;

namespace Dispatch.Bench.WritePath;

/// <summary>
/// Valid, varied intakes for the paced life cycle, like load/register.lua's: every county, kind and topic (so routing
/// sends tickets to centres, legal-aid stations and rehabilitation providers), callers from a pool of 20,000.
/// </summary>
internal static class IntakeSamples
{
    private static readonly string[] Counties = ["330402", "330411", "330421", "330424", "330481", "330482", "330483"];
    private static readonly string[] Kinds = ["inquiry", "help", "help", "complaint", "suggestion"];
    private static readonly string[] Channels = ["phone", "phone", "phone", "phone", "online", "app", "letter", "visit"];
    private static readonly string[] Names = ["张建国", "李秀英", "王志强", "刘芳", "陈明", "杨丽华", "赵伟", "黄晓梅", "周强", "吴敏"];

    private static readonly (string Topic, string Content)[] Topics =
    [
        ("rehabilitation", "咨询孩子的康复训练补助如何申请，需要准备哪些材料。"),
        ("education", "反映孩子随班就读遇到困难，希望学校提供资源教室支持。"),
        ("employment", "询问按比例安排残疾人就业的岗位信息，希望推荐合适的工作。"),
        ("social_security", "反映重度残疾人生活补贴本月尚未到账，请核实发放情况。"),
        ("care_services", "来电反映残疾人护理补贴尚未发放，请核实处理。"),
        ("accessibility", "反映小区出入口无障碍坡道被车辆占用，轮椅无法通行。"),
        ("rights_protection", "反映用人单位拖欠工资并以残疾为由解除劳动合同，请求法律援助。"),
        ("certificates", "询问残疾人证换证需要的材料和办理地点。"),
        ("assistive_devices", "申请适配助听器，询问辅具补贴的标准和流程。"),
        ("other", "对残联的服务提出意见，希望延长窗口办理时间。"),
    ];

    public static object Intake(int n, Random random)
    {
        var (topic, content) = Topics[random.Next(Topics.Length)];
        var caller = random.Next(1, 20_001);
        var phone = caller % 10 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"0573-8{caller:D7}")
            : string.Create(CultureInfo.InvariantCulture, $"1{3 + caller % 7}{caller % 10}{caller * 4099L % 100_000_000:D8}");
        return new
        {
            channel = Channels[random.Next(Channels.Length)],
            kind = Kinds[random.Next(Kinds.Length)],
            topic,
            urgency = random.Next(10) == 0 ? "urgent" : "normal",
            callerName = Names[random.Next(Names.Length)],
            callerPhone = phone,
            countyCode = Counties[random.Next(Counties.Length)],
            address = string.Create(CultureInfo.InvariantCulture, $"嘉兴市某小区{random.Next(1, 301)}幢"),
            content = string.Create(CultureInfo.InvariantCulture, $"{content}（压测生命周期 {n}）"),
        };
    }
}
