using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WinePipeline.Orchestrator.Cli;
using WinePipeline.Orchestrator.Execution.Docker;
using WinePipeline.Orchestrator.Graph;
using WinePipeline.Orchestrator.Notifications;

namespace WinePipeline.Orchestrator.Server;

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

    public static async Task<PipelineServer> StartAsync(CliEnvironment environment, ServerSettings settings, Notifier? notifier, CancellationToken cancellation)
    {
        var graph = TaskGraph.Create(environment.Pipeline(settings.Run.Parameters));
        graph.Get(settings.Run.Options.Target);
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
        var runs = new RunCoordinator(environment, settings, live, notifier);
        var completion = new GraphCompletion(settings.Run.DataRoot, settings.Run.Options.ExistenceOnly, DockerImageIds.TryGet, environment.Time);
        new PipelineApi(graph, settings.Run, completion, live, runs).Map(app);
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
