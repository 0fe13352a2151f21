using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Dispatch.Tests.Fixtures.Hosting;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// A loopback TCP relay in front of one port that can be cut at once, as the network sees a process killed with SIGKILL:
/// every open connection is reset (no FIN, no goodbye) and the port refuses new ones.
/// </summary>
public sealed class CuttableLink : IDisposable
{
    private readonly TcpListener listener;
    private readonly int target;
    private readonly CancellationTokenSource cut = new();
    private readonly ConcurrentDictionary<Socket, byte> open = new();

    private CuttableLink(int target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    /// <summary>The port that reaches the target while the link is whole.</summary>
    public int Port { get; }

    /// <summary>Relays a fresh loopback port to <paramref name="targetPort"/>.</summary>
    public static CuttableLink To(int targetPort) => new(targetPort);

    /// <summary>A free loopback port for the target to listen on, with a link to it.</summary>
    public static CuttableLink ToFreePort(out int targetPort)
    {
        targetPort = LocalSilo.FreePort();
        return new CuttableLink(targetPort);
    }

    public void Cut()
    {
        if (cut.IsCancellationRequested)
        {
            return;
        }
        cut.Cancel();
        listener.Stop();
        foreach (var socket in open.Keys)
        {
            Reset(socket);
        }
    }

    public void Dispose()
    {
        Cut();
        cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!cut.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(cut.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        open[client] = 0;
        open[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target), cut.Token);
            await Task.WhenAny(CopyAsync(client, upstream), CopyAsync(upstream, client));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            open.TryRemove(client, out _);
            open.TryRemove(upstream, out _);
            Reset(client);
            Reset(upstream);
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cut.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cut.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes with a zero linger, so the peer gets RST at once.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }
}
