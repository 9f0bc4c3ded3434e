using System.Diagnostics;
using System.Text.Json.Nodes;

namespace WinePipeline.Bench.UiBench;

/// <summary>A version of the page: its own static files (none: the server's) and how /api/graph must be reshaped for it.</summary>
internal sealed record BenchPage(string Name, IReadOnlyDictionary<string, (byte[] Content, string ContentType)> Files, Func<byte[], byte[]>? RewriteGraph)
{
    /// <summary>The last page before the ES modules: one classic script, laid out on the server's layers and rows.</summary>
    public const string OldCommit = "7dc2661";

    public static BenchPage Current { get; } = new("new", new Dictionary<string, (byte[], string)>(), null);

    /// <summary>The old page from git, or null (with the reason) when this clone lacks that commit.</summary>
    public static BenchPage? Old(out string? missing)
    {
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var (name, contentType) in new[] { ("index.html", "text/html"), ("app.js", "text/javascript"), ("app.css", "text/css") })
        {
            var content = GitShow($"{OldCommit}:orchestrator/Server/Web/{name}", out missing);
            if (content is null)
            {
                return null;
            }

            files[name == "index.html" ? "/" : $"/{name}"] = (content, $"{contentType}; charset=utf-8");
        }

        missing = null;
        return new BenchPage("old", files, OldGraph);
    }

    /// <summary>
    /// The old page read lower-case states and placed each task at (layer, row) in a grid of
    /// layers x rows; rows are given in the order tasks come within their layer, as its server did.
    /// </summary>
    private static byte[] OldGraph(byte[] json)
    {
        var graph = JsonNode.Parse(json)!.AsObject();
        var rowsInLayer = new Dictionary<int, int>();
        foreach (var task in graph["tasks"]!.AsArray().Select(node => node!.AsObject()))
        {
            var layer = task["layer"]!.GetValue<int>();
            var row = rowsInLayer.GetValueOrDefault(layer);
            rowsInLayer[layer] = row + 1;
            task["row"] = row;
            task["state"] = task["state"]!.GetValue<string>() switch
            {
                "Succeeded" or "Complete" => "complete",
                "Failed" or "Aborted" => "failed",
                var state => state.ToLowerInvariant(),
            };
        }

        graph["layers"] = rowsInLayer.Count;
        graph["rows"] = rowsInLayer.Values.DefaultIfEmpty(0).Max();
        return System.Text.Encoding.UTF8.GetBytes(graph.ToJsonString());
    }

    private static byte[]? GitShow(string spec, out string? missing)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add("show");
        start.ArgumentList.Add(spec);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var content = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(content);
        process.WaitForExit();
        missing = process.ExitCode == 0 ? null : $"git show {spec} failed ({error.Result.Trim()}); a shallow clone lacks it: git fetch --unshallow";
        return process.ExitCode == 0 ? content.ToArray() : null;
    }
}
