using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Orchestrator.Server;

/// <summary>
/// The page and its scripts and styles (Server/Web/*), embedded in the assembly so no build step or
/// files are needed; app.js is served joined with the modules it imports (<see cref="ScriptBundle"/>). The page is served at /, at every run's URL, /runs/&lt;id&gt;, and at the experiments
/// view, /experiments[/&lt;run&gt;], with this
/// server's CSRF token in a meta tag for its scripts to send back.
/// Without a token to send, the page asks for /api/graph while its scripts still load (a preload
/// its first fetch takes over); with one it cannot, since a preload sends no Authorization header.
/// </summary>
internal sealed class StaticAssets(string csrfToken, bool preloadGraph)
{
    private const string Prefix = "Orchestrator.Server.Web.";
    private const string PageName = "index.html";
    private const string TokenPlaceholder = "{{csrf-token}}";
    private const string GraphPreloadPlaceholder = "{{graph-preload}}";
    private const string GraphPreload = """<link rel="preload" href="/api/graph" as="fetch" crossorigin="anonymous">""";
    private const string EntryScript = "app.js";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly Dictionary<string, (byte[] Content, string ContentType)> Files = typeof(StaticAssets).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name != Prefix + PageName)
        .Select(name => name[Prefix.Length..])
        .ToDictionary(name => $"/{name}", name => (Encoding.UTF8.GetBytes(name == EntryScript ? ScriptBundle.Join(name, Load) : Load(name)), ContentTypes[Path.GetExtension(name)]), StringComparer.Ordinal);

    private readonly byte[] page = Encoding.UTF8.GetBytes(Load(PageName)
        .Replace(TokenPlaceholder, csrfToken, StringComparison.Ordinal)
        .Replace(GraphPreloadPlaceholder, preloadGraph ? GraphPreload : string.Empty, StringComparison.Ordinal));

    /// <summary>The scripts and styles: code anyone may read, served without the server's token so the page can load them.</summary>
    public static IReadOnlySet<string> PublicPaths { get; } = Files.Keys.ToHashSet(StringComparer.Ordinal);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", Page);
        routes.MapGet("/runs/{id}", Page);
        routes.MapGet("/experiments", Page);
        routes.MapGet("/experiments/{id}", Page);
        foreach (var (path, (content, contentType)) in Files)
        {
            routes.MapGet(path, () => Results.Bytes(content, contentType));
        }
    }

    private IResult Page(HttpContext context)
    {
        // It carries the CSRF token: never kept by a cache.
        context.Response.Headers.CacheControl = "no-store";
        return Results.Bytes(page, "text/html; charset=utf-8");
    }

    private static string Load(string name)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"embedded resource Server/Web/{name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
