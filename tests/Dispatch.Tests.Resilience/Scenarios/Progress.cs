using Dispatch.Tests.Resilience.Load;

namespace Dispatch.Tests.Resilience.Scenarios;

/// <summary>Waits on the load's progress instead of on the clock.</summary>
public static class Progress
{
    /// <summary>Waits until <paramref name="more"/> registrations beyond those acknowledged now are acknowledged.</summary>
    public static async Task MoreRegistrationsAsync(LoadLedger ledger, int more, TimeSpan within, string what)
    {
        var target = ledger.Registrations.Count + more;
        await Eventually.Get(() => Task.FromResult(ledger.Registrations.Count), n => n >= target, within, $"{more} more registrations {what}");
    }
}
