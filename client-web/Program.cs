using Dispatch.Schema;
using Dispatch.Web.Hosting;

return await StartupProblem.RunAsync(async () =>
{
    await using var app = await DispatchWebApp.BuildAsync(args);
    await app.RunAsync();
});
