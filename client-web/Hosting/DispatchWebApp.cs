namespace Dispatch.Web.Hosting;

/// <summary>Builds the ready-to-run web application; Program and the web tests both use it.</summary>
public static class DispatchWebApp
{
    public static async Task<WebApplication> BuildAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddDispatchWeb();
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
