using WinePipeline.StepKit;
using WinePipeline.StepKit.Text;
using WinePipeline.Steps.DownloadData.Sample;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>Picks the data source for a --url value by its scheme; anything without "://" is a local path.</summary>
public static class DataSources
{
    public static IDataSource Resolve(string url, DownloadLimits limits)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return new FileSource(url, url);
        }

        var shown = UrlCredentials.RedactUrl(url);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        return scheme switch
        {
            "http" or "https" => new HttpSource(ParseUri(url, shown), shown, limits),
            "file" => new FileSource(ParseUri(url, shown).LocalPath, shown),
            SampleRequest.Scheme => new SampleSource(SampleRequest.Parse(url)),
            _ => throw new InvalidInputException(
                $"{shown}: unsupported URL scheme '{scheme}' (use http, https, file, {SampleRequest.Scheme} or a plain path)"),
        };
    }

    private static Uri ParseUri(string url, string shown) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidInputException($"{shown}: not a valid URL");
}
