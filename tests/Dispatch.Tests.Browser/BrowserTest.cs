namespace Dispatch.Tests.Browser;

/// <summary>
/// A browser test: when it ends, the browser contexts it opened are closed, so that its pages (live dashboards,
/// worklists with their hub connections) do not run on beside every later test.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => BrowserSystem.CloseOpenContextsAsync();
}
