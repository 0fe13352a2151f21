using Dispatch.Schema.Notifications;
using Dispatch.Tests.Integration.Web;
using Dispatch.Web.Auth.Sessions;
using Dispatch.Web.Live;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Tests.Integration.Live;

/// <summary>
/// A revocation announced while a web instance was not listening is not heard there: the instance finds it by reading
/// its open hub connections' sessions again once it listens again. The instance's clock is fake, so its reconnect waits
/// until the test moves the clock, and the revocation falls inside the gap for certain.
/// </summary>
public sealed class RevocationGapTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    [Fact]
    public async Task A_revocation_made_while_the_instance_did_not_listen_closes_the_hub_connection_once_it_listens_again()
    {
        var revocations = system.Web.Services.GetRequiredService<SessionRevocations>();
        var token = (await system.BearerSignInAsync(HubSessionChecks.Supervisor)).AccessToken;
        await using var hub = await HubSessionChecks.ConnectAsync(system.Web, token);
        await using var bystander = await HubSessionChecks.ConnectAsync(system.Web, (await system.BearerSignInAsync(HubSessionChecks.Operator)).AccessToken);
        await Eventually.Get(() => Task.FromResult(revocations.Listening), listening => listening, TimeSpan.FromSeconds(20), "the instance to listen");

        (await HubSessionChecks.TerminateListenerAsync(system.ConnectionString)).Should().Be(1, "the instance holds one listening connection");
        await Eventually.Get(() => Task.FromResult(revocations.Listening), listening => !listening, TimeSpan.FromSeconds(20), "the instance to lose it");
        (await HubSessionChecks.RevokeUnannouncedAsync(system.ConnectionString, HubSessionChecks.Supervisor)).Should().BeGreaterThan(0);

        // A second of the instance's clock at a time: the reconnect's back-off passes, the minute's check never comes.
        var start = system.Clock.GetUtcNow();
        await Eventually.Get(() =>
        {
            if (system.Clock.GetUtcNow() - start < 2 * NotificationListener.FirstRetry)
            {
                system.Clock.Advance(TimeSpan.FromSeconds(1));
            }
            return Task.FromResult(hub.State);
        }, state => state == HubConnectionState.Disconnected, TimeSpan.FromSeconds(30), "the revoked session's hub connection to close");

        revocations.Listening.Should().BeTrue();
        bystander.State.Should().Be(HubConnectionState.Connected, "only the revoked session's connections close");
        (system.Clock.GetUtcNow() - start).Should().BeLessThan(HubSessions.RecheckInterval);
    }
}

/// <summary>Even with the listening connection up, a revocation nobody announced is found by the check every minute.</summary>
public sealed class HubSessionRecheckTests(SecuredSystem system) : IClassFixture<SecuredSystem>
{
    [Fact]
    public async Task An_unannounced_revocation_closes_the_hub_connection_at_the_next_periodic_check()
    {
        var token = (await system.BearerSignInAsync(HubSessionChecks.Supervisor)).AccessToken;
        await using var hub = await HubSessionChecks.ConnectAsync(system.Web, token);
        await using var bystander = await HubSessionChecks.ConnectAsync(system.Web, (await system.BearerSignInAsync(HubSessionChecks.Operator)).AccessToken);
        (await HubSessionChecks.RevokeUnannouncedAsync(system.ConnectionString, HubSessionChecks.Supervisor)).Should().BeGreaterThan(0);

        // Nothing was announced: the connection still works until the check.
        await hub.InvokeAsync("Join", "city");
        hub.State.Should().Be(HubConnectionState.Connected);

        system.Clock.Advance(HubSessions.RecheckInterval);

        await Eventually.Get(() => Task.FromResult(hub.State), state => state == HubConnectionState.Disconnected, TimeSpan.FromSeconds(20),
            "the revoked session's hub connection to close");
        await bystander.InvokeAsync("Join", "city");
        bystander.State.Should().Be(HubConnectionState.Connected, "only the revoked session's connections close");
    }
}
