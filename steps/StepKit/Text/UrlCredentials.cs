using System.Text.RegularExpressions;

namespace WinePipeline.StepKit.Text;

/// <summary>
/// Hides the user:password part of URLs (scheme://user:pass@host/...) before text is printed or
/// logged. It errs on the side of hiding: an '@' later in a path also hides what precedes it.
/// </summary>
public static partial class UrlCredentials
{
    public const string Mask = "***";

    /// <summary>One URL as given on the command line: everything between "://" and its last '@'
    /// is masked, whatever characters it holds.</summary>
    public static string RedactUrl(string url)
    {
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : -1;
        var at = url.LastIndexOf('@');
        return afterScheme >= 0 && at >= afterScheme ? string.Concat(url.AsSpan(0, afterScheme), Mask, url.AsSpan(at)) : url;
    }

    /// <summary>Every URL in a line of free text, where a URL ends at whitespace.</summary>
    public static string RedactAll(string text) =>
        text.Contains("://", StringComparison.Ordinal) ? UserInfo().Replace(text, $"$1{Mask}@") : text;

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.\-]*://)\S*@")]
    private static partial Regex UserInfo();
}
