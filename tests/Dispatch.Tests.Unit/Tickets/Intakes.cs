using Dispatch.Errors;
using Dispatch.Tests.Unit.People;
using Dispatch.Tickets;
using FluentAssertions;
using Dispatch.Fields;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>A complete, valid intake and a small slice of the Jiaxing reference data to vary in tests.</summary>
internal static class Intakes
{
    public const string Nanhu = "330402";
    public const string Xiuzhou = "330411";
    public const string City = "330400";
    public const string JiansheSubdistrict = "330402007";
    public const string XinchengSubdistrict = "330411002";

    public static readonly IntakeReference Reference = new(
        [City, Nanhu, Xiuzhou],
        new Dictionary<string, string> { [JiansheSubdistrict] = Nanhu, [XinchengSubdistrict] = Xiuzhou });

    public static TicketIntake Valid() => new()
    {
        Channel = "phone",
        Kind = "help",
        Topic = "rehabilitation",
        Urgency = "normal",
        CallerName = "张秀英",
        CallerPhone = "13812345678",
        ResidentId = IdNumbers.Nanhu1980,
        DisabilityCertificate = IdNumbers.Certificate(IdNumbers.Nanhu1980, 4, 2),
        CountyCode = Nanhu,
        TownCode = JiansheSubdistrict,
        Address = "建设街道禾兴南路 100 号 3 幢 201 室",
        Title = "申请上门康复服务",
        Content = "来电人母亲肢体残疾二级，行动不便，申请每周一次上门康复训练。",
    };

    public static IntakeValidation Validate(TicketIntake intake) => TicketIntakeRules.Validate(intake, Reference, IdNumbers.Today);

    public static ValidIntake Accepted(TicketIntake intake)
    {
        var result = Validate(intake);
        result.Errors.Should().BeEmpty();
        return result.Intake!;
    }

    /// <summary>Exactly one error, on that field with that code: a bad field must not drag others down with it.</summary>
    public static void ShouldReportOnly(this TicketIntake intake, string field, string code)
    {
        var result = Validate(intake);
        result.IsValid.Should().BeFalse();
        result.Errors.Select(e => (e.Field, e.Code)).Should().Equal((field, code));
    }

    public static IEnumerable<FieldError> ErrorsOf(TicketIntake intake) => Validate(intake).Errors;
}
