namespace Dispatch.Web.Hosting;

/// <summary>Builds the ready-to-run web application; Program and the web tests both use it.</summary>
public static class DispatchWebApp
{
    /// <param name="replaceServices">Tests swap services here (e.g. a FakeTimeProvider) after the app registered its own.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<IServiceCollection>? replaceServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
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
