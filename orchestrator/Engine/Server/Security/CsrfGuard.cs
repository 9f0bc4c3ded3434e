using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server.Security;

/// <summary>
/// A state-changing request (anything but GET, HEAD, OPTIONS) must either carry the server's token
/// as "Authorization: Bearer TOKEN" (which no cross-site form can set), or come from this server's
/// own origin (Sec-Fetch-Site, Origin, else Referer) and carry the page's CSRF token in
/// <see cref="HeaderName"/>. Anything else is 403, before it reaches an endpoint.
/// </summary>
internal sealed class CsrfGuard(string csrfToken, string? bearerToken)
{
    public const string HeaderName = "X-CSRF-Token";

    /// <summary>A fresh random token for one server's life, embedded in the page it serves.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var refusal = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || CarriesBearer(request)
            ? null
            : CrossOrigin(request) ?? MissingToken(request);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { error = refusal });
    }

    private bool CarriesBearer(HttpRequest request) => bearerToken is not null && Secrets.Match(Secrets.BearerOf(request), bearerToken);

    private static string? CrossOrigin(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host.Value}";
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return $"refused a {site} {request.Method}: only this server's own page may change anything (or send Authorization: Bearer TOKEN)";
        }

        if (origin.Length > 0)
        {
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : $"refused a {request.Method} from origin {origin}: only {own} may change anything";
        }

        // "Sec-Fetch-Site: same-origin" is set by the browser itself; no page can forge it.
        if (site.Length > 0)
        {
            return null;
        }

        var referer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var from) && string.Equals(from.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"refused a {request.Method} with no Origin or Referer of {own}: send it from the page, or with Authorization: Bearer TOKEN";
    }

    private string? MissingToken(HttpRequest request) =>
        Secrets.Match(request.Headers[HeaderName].ToString(), csrfToken) ? null : $"refused a {request.Method} without the page's {HeaderName} header";
}
