using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Security;

/// <summary>
/// Answers only requests whose Host header names this server (<see cref="ListenAddresses.HostNames"/>),
/// so a page on another name rebound to this address (DNS rebinding) reads nothing; else 400.
/// Until <see cref="Allow"/> is called, after Kestrel has bound, every request is refused.
/// </summary>
internal sealed class HostGate
{
    private volatile IReadOnlySet<string> allowed = new HashSet<string>();

    public void Allow(IReadOnlySet<string> hostNames) => allowed = hostNames;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host;
        if (host.HasValue && allowed.Contains(ListenAddresses.Normalise(host.Host)))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsJsonAsync(new { error = $"Host '{host.Value}' is not a name this server listens as; open the address serve printed, or name this host in --urls" });
    }
}
