using System.Globalization;
using WinePipeline.StepKit;

namespace WinePipeline.Steps.DownloadData.Sample;

/// <summary>A parsed sample://wine-reviews?rows=N&amp;seed=S URL (defaults: 10,000 rows, seed 42).</summary>
public sealed record SampleRequest(string Url, long Rows, ulong Seed)
{
    public const string Scheme = "sample";
    public const string DataSet = "wine-reviews";
    public const long DefaultRows = 10_000;
    public const ulong DefaultSeed = 42;

    public static SampleRequest Parse(string url)
    {
        var rest = url[(Scheme.Length + 3)..];
        var queryStart = rest.IndexOf('?');
        var dataSet = queryStart < 0 ? rest : rest[..queryStart];
        if (dataSet.TrimEnd('/') != DataSet)
        {
            throw new InvalidInputException($"{url}: unknown sample data set '{dataSet}' (known: {DataSet})");
        }

        var rows = DefaultRows;
        var seed = DefaultSeed;
        var query = queryStart < 0 ? string.Empty : rest[(queryStart + 1)..];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.IndexOf('=') is var eq and >= 0 ? (pair[..eq], pair[(eq + 1)..]) : (pair, string.Empty);
            switch (key)
            {
                case "rows" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    rows = n;
                    break;
                case "seed" when ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "rows" or "seed":
                    throw new InvalidInputException($"{url}: '{key}' must be a {(key == "rows" ? "positive" : "non-negative")} integer, got '{value}'");
                default:
                    throw new InvalidInputException($"{url}: unknown parameter '{key}' (known: rows, seed)");
            }
        }

        return new SampleRequest(url, rows, seed);
    }
}
