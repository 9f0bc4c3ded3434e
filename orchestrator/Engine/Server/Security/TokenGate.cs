using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Security;

/// <summary>
/// When the server has a token, every request carries it as "Authorization: Bearer TOKEN" or
/// "?token=TOKEN"; else 401. Only the page's scripts and styles (<paramref name="publicPaths"/>) are
/// served without it, since a page loaded with ?token= cannot add it to its &lt;script&gt; requests.
/// </summary>
internal sealed class TokenGate(string token, IReadOnlySet<string> publicPaths)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) && publicPaths.Contains(request.Path.Value ?? string.Empty))
            || Secrets.Match(Secrets.BearerOf(request) ?? request.Query["token"].ToString(), token))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new { error = "this server needs its token: Authorization: Bearer TOKEN, or ?token=TOKEN" });
    }
}
