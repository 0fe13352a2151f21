using Dispatch.Tests.Integration.Tickets;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>Fresh personal numbers for one test, so a scan or a log query finds only that test's values.</summary>
public sealed record PersonalNumbers(string ResidentId, string Certificate, string Phone)
{
    /// <summary>A valid resident ID of Nanhu (born 1970-1999), its certificate (category 2, grade 1) and a mobile number.</summary>
    public static PersonalNumbers New(string county = "330402")
    {
        var born = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 365 * 29));
        var id = TicketApi.ResidentId($"{county}{born:yyyyMMdd}{Random.Shared.Next(100, 999)}");
        return new PersonalNumbers(id, id + "21", "139" + Random.Shared.Next(10_000_000, 99_999_999));
    }

    public object TicketIntake(string caller, string county = "330402") => new
    {
        channel = "phone", kind = "help", topic = "care_services", urgency = "normal", callerName = caller, callerPhone = Phone,
        residentId = ResidentId, disabilityCertificate = Certificate, countyCode = county,
        content = "来电反映残疾人护理补贴尚未发放，请核实处理。",
    };

    public object Person(string name, string county = "330402") => new
    {
        name, phone = Phone, residentId = ResidentId, disabilityCertificate = Certificate, countyCode = county, address = "解放路 1 号",
    };
}
