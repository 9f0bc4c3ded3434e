using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Execution.Docker;
using Orchestrator.Notifications;
using Orchestrator.Runs;

namespace Orchestrator.Server;

/// <summary>Kestrel serving the page and the API for one data root; started by `serve` and, on port 0, by tests.</summary>
internal sealed class PipelineServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private PipelineServer(WebApplication app, RunCoordinator runs)
    {
        this.app = app;
        Runs = runs;
    }

    /// <summary>The address actually bound (the real port when asked for port 0).</summary>
    public string Url => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    public RunCoordinator Runs { get; }

    public static async Task<PipelineServer> StartAsync(PipelineRunner runner, RunContext context, ServerSettings settings, Notifier? notifier, CancellationToken cancellation)
    {
        var graph = runner.Prepare(settings.Run).Graph;
        Directory.CreateDirectory(settings.Run.DataRoot);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = settings.Run.DataRoot });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(settings.Url);
        var app = builder.Build();
        if (settings.Token is { } token)
        {
            app.Use(new TokenGate(token).InvokeAsync);
        }

        var live = new LiveRunState();
        var runs = new RunCoordinator(runner, context, settings, live, notifier);
        var completion = new GraphCompletion(settings.Run.DataRoot, settings.Run.ExistenceOnly, DockerImageIds.TryGet, context.Time);
        new PipelineApi(graph, runner.Pipeline, settings.Run, completion, live, runs).Map(app);
        foreach (var path in StaticAssets.Paths)
        {
            app.MapGet(path, () => StaticAssets.Serve(path));
        }

        await app.StartAsync(cancellation);
        return new PipelineServer(app, runs);
    }

    public async ValueTask DisposeAsync()
    {
        await Runs.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
