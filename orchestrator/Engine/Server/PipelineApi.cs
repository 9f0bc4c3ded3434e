using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Graph;
using Orchestrator.History;

namespace Orchestrator.Server;

/// <summary>The JSON API the page reads; every route is also usable on its own (curl, scripts).</summary>
internal sealed class PipelineApi(TaskGraph graph, Pipeline pipeline, Runs.RunRequest settings, GraphCompletion completion, LiveRunState live, RunCoordinator runs)
{
    private readonly string dataRoot = settings.DataRoot;
    private readonly GraphLayout layout = GraphLayout.Of(graph);
    private readonly RunHistory history = RunHistory.Open(settings.DataRoot);

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/pipeline", () => Results.Json(new
        {
            name = pipeline.Name,
            title = pipeline.Report.Title,
            columns = pipeline.Report.Columns,
            defaultTarget = pipeline.DefaultTarget,
            tasks = graph.Declared.Select(task => task.Id),
        }));
        routes.MapGet("/api/graph", () => Results.Json(GraphView.Build(graph, layout, dataRoot, completion.ForPoll(), live.Current)));
        routes.MapGet("/api/tasks/{id}/log", (string id, long? since) => Log(id, since ?? 0));
        routes.MapGet("/api/runs", () => Results.Json(history.Runs().Select(Summary)));
        routes.MapGet("/api/runs/{id}", (string id) => Details(id));
        routes.MapGet("/api/runs/{id}/plots/{name}", (string id, string name) => Plot(id, name));
        routes.MapPost("/api/runs", StartRun);
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
        var (text, next) = path is null ? (string.Empty, 0L) : TaskLogReader.ReadFrom(path, since);
        return Results.Json(new { task = taskId, runId, attempt = attempt < 0 ? (int?)null : attempt, next, text });
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
        return Results.Json(new { run = Summary(run), metrics = RunMetrics.Parse(run.Metrics), plots, attempts });
    }

    private Dictionary<string, double?> Columns(RunRecord run)
    {
        var metrics = RunMetrics.Parse(run.Metrics);
        return pipeline.Report.Columns.ToDictionary(column => column, column => metrics.TryGetValue(column, out var value) ? value : (double?)null);
    }

    private IResult Plot(string runId, string name)
    {
        var safe = name == Path.GetFileName(name) && name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) && runId == Path.GetFileName(runId);
        var path = Path.Combine(RunMetrics.ArchiveDirectory(dataRoot, runId), name);
        return safe && File.Exists(path) ? Results.File(path, "image/png") : Results.NotFound(new { error = $"no plot '{name}' for run '{runId}'" });
    }

    private IResult StartRun()
    {
        var busy = runs.TryStart(settings);
        return busy is null
            ? Results.Json(new { started = true }, statusCode: StatusCodes.Status202Accepted)
            : Results.Json(new { error = busy }, statusCode: StatusCodes.Status409Conflict);
    }

    private object Summary(RunRecord run) => new
    {
        id = run.Id,
        trigger = run.Trigger,
        started = run.Started,
        ended = run.Ended,
        durationSeconds = run.Duration?.TotalSeconds,
        outcome = Runs.RunOutcomes.Name(run.Outcome),
        summary = run.Summary,
        parameters = run.Parameters,
        columns = Columns(run),
    };
}
