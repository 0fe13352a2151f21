using Dispatch.Schema;
using Dispatch.Web.Hosting;

return await StartupProblem.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddDispatchWeb();
    var app = builder.Build();
    await app.PrepareAsync();
    app.MapDispatchWeb();
    await app.RunAsync();
});

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
