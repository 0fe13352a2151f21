namespace Dispatch.Web.Hosting;

/// <summary>Builds the ready-to-run web application; Program and the web tests both use it.</summary>
public static class DispatchWebApp
{
    /// <param name="replaceServices">Tests swap services here (e.g. a FakeTimeProvider) after the app registered its own.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<IServiceCollection>? replaceServices = null)
    {
        // Named after this project, whatever process hosts it (a test runner too), so the static web assets manifests are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DispatchWebApp).Assembly.GetName().Name });
        // Outside Development as well: run from a build (not a publish), the UI's files and their compressed copies are
        // found through the build's manifest; a published app has none and serves its own wwwroot.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.AddDispatchWeb();
        replaceServices?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            await app.PrepareAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        app.MapDispatchWeb();
        return app;
    }
}
