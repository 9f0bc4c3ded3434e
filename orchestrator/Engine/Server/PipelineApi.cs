using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Execution;
using Orchestrator.Graph;
using Orchestrator.History;
using Orchestrator.Server.Internal;

namespace Orchestrator.Server;

/// <summary>The JSON API the page reads; every route is also usable on its own (curl, scripts).</summary>
internal sealed class PipelineApi(Runs.PreparedRun prepared, Pipeline pipeline, GraphCompletion completion, LiveRunState live, RunCoordinator runs, TimeProvider time)
{
    private readonly TaskGraph graph = prepared.Graph;
    private readonly Runs.RunRequest settings = prepared.Request;
    private readonly string dataRoot = prepared.Request.DataRoot;
    private readonly IReadOnlyDictionary<string, int> layers = TaskLayers.Of(prepared.Graph);
    private readonly RunHistory history = RunHistory.Open(prepared.Request.DataRoot);

    // The graph is polled every second with a field or two per task that is mostly empty.
    private static readonly JsonSerializerOptions WithoutNulls = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/pipeline", () => Results.Json(new
        {
            name = pipeline.Name,
            title = pipeline.Report.Title,
            columns = pipeline.Report.Columns,
            defaultTarget = pipeline.DefaultTarget,
        }));
        routes.MapGet("/api/graph", () => TaggedJson.Of(GraphView.Build(graph, layers, completion.ForPoll(), live.Current, history.LatestAttempts(), time.GetUtcNow()), WithoutNulls));
        routes.MapGet("/api/tasks/{id}/log", (string id, long? since) => Log(id, since ?? 0));
        routes.MapGet("/api/runs", () => Results.Json(history.Runs().Select(run => RunSummary.Of(run, pipeline.Report))));
        routes.MapGet("/api/runs/{id}", (string id) => Details(id));
        routes.MapGet("/api/runs/{id}/plots/{name}", (string id, string name) => Plot(id, name));
        routes.MapGet("/api/experiments", () => Results.Json(ExperimentView.History(history.SweepRuns(), pipeline.Report)));
        routes.MapGet("/api/experiments/{id}", (string id) => Experiment(id));
        routes.MapGet("/api/run-defaults", RunDefaults);
        routes.MapPost("/api/runs", StartRunAsync);
    }

    private IResult Log(string taskId, long since)
    {
        if (!graph.Declared.Any(task => task.Id == taskId))
        {
            return Results.NotFound(new { error = InvalidGraphException.UnknownTask(taskId, graph.Declared.Select(task => task.Id)).Message });
        }

        var run = live.Current;
        var (runId, attempt, path) = run.Task(taskId) is { LogPath: { } livePath } current
            ? (run.RunId, current.Attempts - 1, livePath)
            : history.LastAttempt(taskId) is { LogPath: { } lastPath } last ? (last.RunId, last.Attempt, lastPath) : (null, -1, null);
        if (runId is null || path is null)
        {
            return Results.Json(new { task = taskId, runId, attempt = (int?)null, next = 0L, text = string.Empty });
        }

        // The history names the file; it is served only from this run's own log folder.
        using var stream = Confined(RunLogs.LogDirectory(dataRoot, PlainName(runId)), path, out var refused);
        var (text, next) = stream is null ? (string.Empty, 0L) : TaskLogReader.ReadFrom(stream, since);
        return refused is not null
            ? Results.Json(new { error = refused }, statusCode: StatusCodes.Status403Forbidden)
            : Results.Json(new { task = taskId, runId, attempt, next, text });
    }

    private IResult Details(string runId)
    {
        if (history.Run(runId) is not { } run)
        {
            return Results.NotFound(new { error = $"no run '{runId}' in the history" });
        }

        var plots = RunMetrics.Plots(dataRoot, runId).Select(name => new { name, url = $"/api/runs/{Uri.EscapeDataString(runId)}/plots/{Uri.EscapeDataString(name)}" });
        var attempts = history.Attempts(runId).Select(attempt => new
        {
            task = attempt.Task,
            attempt = attempt.Attempt,
            started = attempt.Started,
            ended = attempt.Ended,
            durationSeconds = (attempt.Ended - attempt.Started)?.TotalSeconds,
            status = attempt.Status,
            exitCode = attempt.ExitCode,
            reason = attempt.Reason,
        });
        return Results.Json(new { run = RunSummary.Of(run, pipeline.Report), metrics = RunMetrics.Parse(run.Metrics), plots, attempts, variants = history.Variants(runId).Count });
    }

    private IResult Experiment(string runId)
    {
        if (history.Run(runId) is not { } run)
        {
            return Results.NotFound(new { error = $"no run '{runId}' in the history" });
        }

        var archived = RunMetrics.Plots(dataRoot, runId);
        var plots = ExperimentView.PlotNames(graph, pipeline.Report).Where(archived.Contains).ToList();
        return Results.Json(ExperimentView.Of(run, history.Variants(runId), pipeline.Report, plots));
    }

    private IResult Plot(string runId, string name)
    {
        var notFound = Results.NotFound(new { error = $"no plot '{name}' for run '{runId}'" });
        if (name != Path.GetFileName(name) || !name.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            return notFound;
        }

        var directory = RunMetrics.ArchiveDirectory(dataRoot, PlainName(runId));
        var stream = Confined(directory, Path.Combine(directory, name), out var refused);
        return refused is not null ? Results.Json(new { error = refused }, statusCode: StatusCodes.Status403Forbidden)
            : stream is null ? notFound
            : Results.Stream(stream, "image/png");
    }

    private IResult RunDefaults() => Results.Json(new
    {
        target = settings.Target ?? pipeline.DefaultTarget,
        tasks = graph.Declared.Select(task => task.Id),
        parameters = prepared.Parameters.ToDictionary(parameter => parameter.Name, parameter => parameter.Value, StringComparer.Ordinal),
    });

    private async Task<IResult> StartRunAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (body.Length > 0 && !request.HasJsonContentType())
        {
            return Results.Json(new { error = "send the run as JSON (Content-Type: application/json)" }, statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        Runs.RunRequest options;
        try
        {
            options = UiRunRequest.Parse(body).Apply(settings, pipeline, graph);
        }
        catch (BadRunRequestException e)
        {
            return Results.BadRequest(new { error = e.Message });
        }

        var runId = RunLogs.NewRunId(time);
        var busy = runs.TryStart(options, runId);
        return busy is null
            ? Results.Json(new { id = runId, url = $"/runs/{Uri.EscapeDataString(runId)}", target = options.Target, force = options.Force }, statusCode: StatusCodes.Status202Accepted)
            : Results.Json(new { error = busy }, statusCode: StatusCodes.Status409Conflict);
    }

    private FileStream? Confined(string folder, string path, out string? refused)
    {
        try
        {
            refused = null;
            return ConfinedFile.OpenRead(dataRoot, folder, path);
        }
        catch (UnauthorizedAccessException e)
        {
            refused = e.Message;
            return null;
        }
    }

    // A run id from a URL or the history never climbs out of the folder it names.
    private static string PlainName(string runId) => runId == Path.GetFileName(runId) && runId is not ("." or "..") ? runId : "-";
}
