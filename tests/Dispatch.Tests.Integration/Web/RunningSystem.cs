using Microsoft.Extensions.Hosting;

namespace Dispatch.Tests.Integration.Web;

/// <summary>One silo and one web app on a database of their own, for the web tests of a class.</summary>
public sealed class RunningSystem() : LocalSystem("web")
{
    /// <summary>The silo's SMS and e-mail sender: records what it is handed (see <see cref="RecordingNotificationSender"/>).</summary>
    public RecordingNotificationSender Notifications { get; } = new();

    /// <summary>A client signed in with a bearer token.</summary>
    public Task<HttpClient> SignInAsync(string email, string password = "Demo#12385") => Web.SignInAsync(email, password);

    protected override void ConfigureSilo(HostApplicationBuilder builder) => Notifications.PlugInto(builder);
}
