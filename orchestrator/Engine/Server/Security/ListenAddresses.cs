using System.Net;
using System.Net.NetworkInformation;

namespace Orchestrator.Server.Security;

/// <summary>
/// The addresses Kestrel actually bound (not the --urls text: "http://loopback:8096" binds every
/// interface), whether only this machine can reach them, and the Host names a request may carry.
/// </summary>
internal sealed class ListenAddresses
{
    private ListenAddresses(IReadOnlyList<string> bound, bool loopbackOnly, IReadOnlySet<string> hostNames)
    {
        Bound = bound;
        LoopbackOnly = loopbackOnly;
        HostNames = hostNames;
    }

    public IReadOnlyList<string> Bound { get; }

    public bool LoopbackOnly { get; }

    /// <summary>Normalised (<see cref="Normalise"/>) host names and addresses this server answers as.</summary>
    public IReadOnlySet<string> HostNames { get; }

    /// <param name="bound">The server's addresses as Kestrel reports them after binding.</param>
    /// <param name="namedHosts">The hosts named in --urls: the operator answers as those too.</param>
    public static ListenAddresses Of(IReadOnlyList<string> bound, IEnumerable<string> namedHosts)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var loopbackOnly = true;
        foreach (var address in bound)
        {
            var host = new Uri(address).Host;
            if (host == "localhost")
            {
                names.UnionWith(["localhost", "127.0.0.1", "::1"]);
            }
            else if (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
            {
                names.UnionWith(["localhost", Normalise(host)]);
            }
            else if (ip is not null && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
            {
                loopbackOnly = false;
                names.UnionWith(["localhost", Normalise(Dns.GetHostName())]);
                names.UnionWith(InterfaceAddresses());
            }
            else
            {
                loopbackOnly = false;
                names.Add(Normalise(host));
            }
        }

        names.UnionWith(namedHosts.Select(Normalise));

        return new ListenAddresses(bound, loopbackOnly, names);
    }

    /// <summary>Lower case, IPv6 without brackets and in its canonical form.</summary>
    public static string Normalise(string host)
    {
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var ip) ? ip.ToString() : host.ToLowerInvariant();
    }

    private static IEnumerable<string> InterfaceAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(network => network.GetIPProperties().UnicastAddresses)
            .Select(unicast => Normalise(unicast.Address.ToString()));
}
