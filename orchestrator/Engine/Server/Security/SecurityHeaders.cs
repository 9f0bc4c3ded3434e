using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Security;

/// <summary>
/// Headers on every answer: scripts, styles, images and requests only from this server and no
/// inline script or style (the page has none); no framing; no MIME sniffing; and the page's URL
/// (which may carry ?token=) never sent to another origin.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own POSTs.
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    }
}
