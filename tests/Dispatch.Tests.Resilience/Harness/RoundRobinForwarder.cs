using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Dispatch.Tests.Resilience.Harness;

/// <summary>
/// Stands for the load balancer in front of the web apps: a TCP forwarder on a loopback port that hands each new
/// connection to the next backend in turn, skipping one that refuses the connection (a dead instance). A connection is
/// closed on both sides when either side ends it, as a dying backend's connections are.
/// </summary>
public sealed class RoundRobinForwarder : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyList<Uri> backends;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> connections = new();
    private readonly int[] open;
    private readonly Task accepting;
    private int next;

    public RoundRobinForwarder(IReadOnlyList<Uri> backends)
    {
        this.backends = backends;
        open = new int[backends.Count];
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Connections open now through each backend, in the order of the backends.</summary>
    public IReadOnlyList<int> OpenConnections => [.. Enumerable.Range(0, open.Length).Select(i => Volatile.Read(ref open[i]))];

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var forwarding = ForwardAsync(client);
            connections[forwarding] = true;
            _ = forwarding.ContinueWith(t => connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            var (backend, index) = await ConnectToNextAsync();
            if (backend is null)
            {
                return;
            }
            using (backend)
            {
                Interlocked.Increment(ref open[index]);
                try
                {
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                    var upstream = PumpAsync(client.GetStream(), backend.GetStream(), either.Token);
                    var downstream = PumpAsync(backend.GetStream(), client.GetStream(), either.Token);
                    await Task.WhenAny(upstream, downstream);
                    await either.CancelAsync();
                }
                finally
                {
                    Interlocked.Decrement(ref open[index]);
                }
            }
        }
    }

    private async Task<(TcpClient? Backend, int Index)> ConnectToNextAsync()
    {
        for (var attempt = 0; attempt < backends.Count; attempt++)
        {
            var index = (int)((uint)Interlocked.Increment(ref next) % (uint)backends.Count);
            var backend = new TcpClient();
            try
            {
                await backend.ConnectAsync(backends[index].Host, backends[index].Port, stopping.Token);
                return (backend, index);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                backend.Dispose();
            }
        }
        return (null, -1);
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        try
        {
            await from.CopyToAsync(to, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Either side ended the connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(connections.Keys);
        stopping.Dispose();
    }
}
