using System.Reflection;

namespace Dispatch.Tests.Integration.Deployment;

/// <summary>
/// `dotnet publish` of the silo and the web app, once for the deployment tests, into a temporary folder: the output the
/// Dockerfiles copy into the images and the systemd units run. Publishes the build the tests run against (--no-build).
/// </summary>
public sealed class PublishedApps : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dispatch-publish-" + Guid.NewGuid().ToString("N")[..8]);

    public string Silo => Path.Combine(folder, "silo");

    public string Web => Path.Combine(folder, "web");

    public async Task InitializeAsync()
    {
        var configuration = typeof(PublishedApps).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        foreach (var (project, output) in new[] { ("silo/Dispatch.Silo.csproj", Silo), ("client-web/Dispatch.Web.csproj", Web) })
        {
            var (code, text) = await CommandLine.RunAsync("dotnet",
                ["publish", project, "-c", configuration, "--no-build", "-nologo", "-o", output], DeploymentFiles.Root, TimeSpan.FromMinutes(3),
                new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" });
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet publish {project} failed ({code}):\n{text}");
            }
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
