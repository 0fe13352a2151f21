using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Sla;
using Dispatch.Tests.Fixtures;
using Dispatch.Tests.Fixtures.Security;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Dispatch.Tests.Integration.Security;

/// <summary>One silo with mutual TLS on its gateway, for clients with and without the installation's certificate.</summary>
public sealed class SecuredSilo : IAsyncLifetime
{
    private readonly PostgresFixture database = new();
    private LocalSilo? silo;

    public string ClusterId { get; } = "tls-" + Guid.NewGuid().ToString("N")[..8];

    public int GatewayPort => silo?.GatewayPort ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        silo = await LocalSilo.StartAsync(await database.CreateIsolatedDatabaseAsync(), ClusterId);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}

public sealed class ClusterTlsTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_with_the_installation_certificate_calls_a_grain()
    {
        using var client = await ClientAsync(TestCertificates.Shared.Node, TestCertificates.Shared.Cluster.Validate);

        var years = await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICalendarGrain>(0).Years();

        years.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_another_CA_cannot_connect()
    {
        var stranger = TestCertificates.Create("Another installation CA");

        // The stranger trusts our silo; only its own certificate is wrong.
        var act = async () => await ClientAsync(stranger.Node, TestCertificates.Shared.Cluster.Validate);

        await act.Should().ThrowAsync<Exception>();
    }

    [Fact]
    public async Task A_TLS_connection_without_a_client_certificate_is_closed_by_the_gateway()
    {
        (await GatewayKeepsConnectionAsync(clientCertificate: null)).Should().BeFalse();
    }

    [Fact]
    public async Task A_TLS_connection_with_a_certificate_of_another_CA_is_closed_by_the_gateway()
    {
        var stranger = TestCertificates.Create("Another installation CA");

        (await GatewayKeepsConnectionAsync(stranger.Node)).Should().BeFalse();
    }

    [Fact]
    public async Task A_TLS_connection_with_the_installation_certificate_stays_open()
    {
        (await GatewayKeepsConnectionAsync(TestCertificates.Shared.Node)).Should().BeTrue();
    }

    [Fact]
    public async Task A_plain_TCP_client_gets_no_Orleans_conversation()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, silo.GatewayPort);
        var stream = tcp.GetStream();
        // An Orleans client starts by sending its preamble; a TLS listener reads it as a broken handshake and hangs up.
        await stream.WriteAsync(new byte[] { 0, 0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 });

        using var deadline = new CancellationTokenSource(Patience);
        var buffer = new byte[64];
        try
        {
            while (await stream.ReadAsync(buffer, deadline.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
        deadline.IsCancellationRequested.Should().BeFalse("the gateway hangs up instead of waiting");
    }

    /// <summary>True when the gateway accepts the TLS session and keeps it open, waiting for the Orleans preamble.</summary>
    private async Task<bool> GatewayKeepsConnectionAsync(X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, silo.GatewayPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false,
            (_, certificate, chain, errors) => TestCertificates.Shared.Cluster.Validate(certificate as X509Certificate2, chain, errors));
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate!,
            });
            // With TLS 1.3 the server judges the client's certificate after the client's side of the handshake ends:
            // a refusal shows as the connection closing; an accepted client is left waiting for its preamble.
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await tls.ReadAsync(new byte[1], quiet.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return false;
        }
    }

    private async Task<IHost> ClientAsync(X509Certificate2 certificate, RemoteCertificateValidator validate)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (silo.ClusterId, silo.ClusterId))
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, silo.GatewayPort))
            .UseTls(certificate, options =>
            {
                options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
                options.RemoteCertificateValidation = validate;
            })
            .UseConnectionRetryFilter((_, _) => Task.FromResult(false)));
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(Patience);
            // The handshake may be judged only when the first message flows: a call proves the connection is accepted.
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<ICalendarGrain>(0).Years().WaitAsync(Patience);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
