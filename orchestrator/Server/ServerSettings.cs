using System.Net;
using WinePipeline.Orchestrator.Cli;

namespace WinePipeline.Orchestrator.Server;

/// <summary>`serve` options resolved and checked: the run settings, the address, the token.</summary>
internal sealed record ServerSettings(RunSettings Run, string Url, string? Token)
{
    public static ServerSettings Resolve(ServeOptions options, CliEnvironment environment)
    {
        var run = RunSettings.Resolve(options, environment);
        var url = options.Urls ?? (options.Port is { } port ? $"http://127.0.0.1:{port}" : ServeOptions.DefaultUrl);
        var token = NonEmpty(options.Token) ?? NonEmpty(environment.GetVariable("SCHEDULER_TOKEN"));
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw UsageException.ParseError($"--urls '{url}' is not an http:// URL");
        }

        if (token is null && !IsLoopback(uri))
        {
            throw UsageException.ParseError($"--urls {url} listens beyond this machine; give --token TOKEN (or $SCHEDULER_TOKEN) so every request must carry it");
        }

        return new ServerSettings(run, url, token);
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
