using System.Net;
using System.Net.Sockets;

namespace WinePipeline.Bench.UiBench;

internal static class LoopbackPort
{
    /// <summary>A port on 127.0.0.1 that nothing holds right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
