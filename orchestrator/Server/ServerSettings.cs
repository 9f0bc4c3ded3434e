using WinePipeline.Orchestrator.Cli;

namespace WinePipeline.Orchestrator.Server;

/// <summary>
/// `serve` options resolved and checked: the run settings, the address, the token. Whether the
/// address needs the token is decided once it is bound (<see cref="PipelineServer"/>).
/// </summary>
/// <param name="NamedHosts">The host of each --urls entry: a name given there is one the server answers as.</param>
internal sealed record ServerSettings(RunSettings Run, string Url, string? Token, IReadOnlyList<string> NamedHosts)
{
    public static ServerSettings Resolve(ServeOptions options, CliEnvironment environment)
    {
        var run = RunSettings.Resolve(options, environment);
        var url = options.Urls ?? (options.Port is { } port ? $"http://127.0.0.1:{port}" : ServeOptions.DefaultUrl);
        var token = NonEmpty(options.Token) ?? NonEmpty(environment.GetVariable("SCHEDULER_TOKEN"));
        var hosts = url.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(HostOf).ToList();
        return new ServerSettings(run, url, token, hosts);
    }

    // Kestrel's wildcards "*" and "+" are no valid URI host; they stand for every address.
    private static string HostOf(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host
            : throw UsageException.ParseError($"--urls '{url}' is not an http:// URL");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
