using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Text;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>
/// A GET that follows redirects itself instead of leaving it to HttpClient: only to http(s), never
/// from https down to http, at most <see cref="MaxRedirects"/> times. Credentials given in the URL
/// (user:pass@) go as Basic authentication to the URL's own origin only, never across a redirect.
/// </summary>
internal static class HttpRedirects
{
    public const int MaxRedirects = 10;

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, Uri uri, string source, CancellationToken cancellation)
    {
        var credentials = BasicCredentials(uri);
        var origin = Origin(uri);
        var current = WithoutUserInfo(uri);
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (credentials is not null && Origin(current) == origin)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            if (!IsRedirect(response.StatusCode))
            {
                return response;
            }

            var location = response.Headers.Location;
            var status = (int)response.StatusCode;
            response.Dispose();
            current = Next(current, location, status, redirects, source);
        }
    }

    private static Uri Next(Uri current, Uri? location, int status, int redirects, string source)
    {
        if (location is null)
        {
            throw new InvalidInputException($"{source}: HTTP {status} redirect without a usable Location header");
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        var shown = UrlCredentials.RedactUrl(next.OriginalString);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidInputException($"{source}: the server redirected to {shown}; only http and https redirects are followed");
        }

        if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
        {
            throw new InvalidInputException($"{source}: the server redirected from https down to {shown}; refused");
        }

        return redirects < MaxRedirects
            ? WithoutUserInfo(next)
            : throw new InvalidInputException($"{source}: more than {MaxRedirects} redirects; the last went to {shown}");
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static (string Scheme, string Host, int Port) Origin(Uri uri) => (uri.Scheme, uri.IdnHost, uri.Port);

    private static Uri WithoutUserInfo(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;

    private static string? BasicCredentials(Uri uri) =>
        uri.UserInfo.Length == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo)));
}
