using Microsoft.AspNetCore.Http;

namespace Orchestrator.Server;

/// <summary>The page: index.html, app.js and app.css, embedded in the assembly so no build step or files are needed.</summary>
internal static class StaticAssets
{
    private static readonly Dictionary<string, (byte[] Content, string ContentType)> Assets = new(StringComparer.Ordinal)
    {
        ["/"] = (Load("index.html"), "text/html; charset=utf-8"),
        ["/app.js"] = (Load("app.js"), "text/javascript; charset=utf-8"),
        ["/app.css"] = (Load("app.css"), "text/css; charset=utf-8"),
    };

    public static IEnumerable<string> Paths => Assets.Keys;

    public static IResult Serve(string path) =>
        Assets.TryGetValue(path, out var asset) ? Results.Bytes(asset.Content, asset.ContentType) : Results.NotFound();

    private static byte[] Load(string name)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream($"Orchestrator.Server.Web.{name}")
            ?? throw new InvalidOperationException($"embedded resource Server/Web/{name} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
