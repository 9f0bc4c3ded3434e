using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Runs;
using Orchestrator.Execution.Docker;
using Orchestrator.Graph;
using Orchestrator.Notifications;
using Orchestrator.Server.Internal;
using Orchestrator.Server.Security;

namespace Orchestrator.Server;

/// <summary>
/// Kestrel serving the page and the API for one data root; started by `serve` and, on port 0, by
/// tests. Whether a token is needed is decided from the addresses actually bound.
/// </summary>
internal sealed partial class PipelineServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private PipelineServer(WebApplication app, RunCoordinator runs, ListenAddresses addresses)
    {
        this.app = app;
        Runs = runs;
        Addresses = addresses;
    }

    /// <summary>Every address bound (the real port when asked for port 0).</summary>
    public ListenAddresses Addresses { get; }

    /// <summary>The first address bound.</summary>
    public string Url => Addresses.Bound[0];

    public RunCoordinator Runs { get; }

    /// <exception cref="CannotServeException">It cannot listen where asked, or listens beyond loopback without a token; nothing is left listening.</exception>
    public static async Task<PipelineServer> StartAsync(PipelineRunner runner, RunContext context, ServerSettings settings, Notifier? notifier, CancellationToken cancellation)
    {
        var prepared = runner.Prepare(settings.Run);
        Directory.CreateDirectory(settings.Run.DataRoot);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = settings.Run.DataRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(settings.Url);
        var app = builder.Build();
        var hosts = new HostGate();
        var csrfToken = CsrfGuard.NewToken();
        app.Use(SecurityHeaders.InvokeAsync);
        app.Use(new UnexpectedErrors(context.Error, settings.Run.DataRoot, context.Time).InvokeAsync);
        app.Use(hosts.InvokeAsync);
        if (settings.Token is { } token)
        {
            app.Use(new TokenGate(token, StaticAssets.PublicPaths).InvokeAsync);
        }

        app.Use(new CsrfGuard(csrfToken, settings.Token).InvokeAsync);
        var live = new LiveRunState();
        var runs = new RunCoordinator(runner, context, settings, live, notifier);
        var completion = new GraphCompletion(settings.Run.DataRoot, settings.Run.ExistenceOnly, DockerImageIds.TryGet, context.Time);
        new PipelineApi(prepared, runner.Pipeline, completion, live, runs, context.Time).Map(app);
        new StaticAssets(csrfToken, preloadGraph: settings.Token is null).Map(app);

        var addresses = await ListenAsync(app, settings, cancellation);
        hosts.Allow(addresses.HostNames);
        return new PipelineServer(app, runs, addresses);
    }

    private static async Task<ListenAddresses> ListenAsync(WebApplication app, ServerSettings settings, CancellationToken cancellation)
    {
        CannotServeException refusal;
        try
        {
            await app.StartAsync(cancellation);
            var addresses = ListenAddresses.Of([.. app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses], settings.NamedHosts);
            if (settings.Token is not null || addresses.LoopbackOnly)
            {
                return addresses;
            }

            refusal = new CannotServeException(
                $"--urls {settings.Url} listens beyond this machine (bound {string.Join(", ", addresses.Bound)}); give --token TOKEN (or $SCHEDULER_TOKEN) so every request must carry it");
        }
        catch (IOException e)
        {
            refusal = new CannotServeException(
                InUse().Match(e.Message) is { Success: true } inUse
                    ? $"cannot listen on {inUse.Groups["url"].Value}: port {new Uri(inUse.Groups["url"].Value).Port} is already in use; stop what holds it, or pick another with --port N or --urls URL"
                    : $"cannot listen on {settings.Url}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            refusal = new CannotServeException($"cannot listen on {settings.Url}: {e.Message}");
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        throw refusal;
    }

    public async ValueTask DisposeAsync()
    {
        await Runs.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    // Kestrel's "Failed to bind to address http://127.0.0.1:8082: address already in use."
    [GeneratedRegex(@"address (?<url>\S+): address already in use")]
    private static partial Regex InUse();
}
