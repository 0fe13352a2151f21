namespace Dispatch.Tests.Fixtures;

/// <summary>Polls a condition until it holds or a deadline passes; no fixed sleeps.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {within.TotalSeconds:0}s waiting for {what}; last value: {value}");
            }
            await tick.WaitForNextTickAsync();
        }
    }
}
