using System.Net;

namespace Dispatch.Tests.Integration.PersonalData;

/// <summary>One silo and one web app on their own database, every log line of both kept for the personal-data scan.</summary>
public sealed class ScanSystem() : LocalSystem("scan")
{
    public CapturedLogs SiloLogs { get; } = new();

    public CapturedLogs WebLogs { get; } = new();

    protected override CapturedLogs? CapturedSiloLogs => SiloLogs;

    protected override WebAppSettings WebSettings => new() { Logs = WebLogs };

    protected override Task StartedAsync() =>
        Eventually.Get(() => Web.Client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "ready");

    public Task<HttpClient> SignInAsync(string email) => Web.SignInAsync(email);
}
