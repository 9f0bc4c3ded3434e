using System.Collections.Concurrent;
using Orchestrator.Execution;
using Orchestrator.Execution.Observation;
using Orchestrator.Planning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli;

/// <summary>
/// The terminal's live view of a run (Spectre.Console): the finished tasks with their outcome and
/// duration, then one line per running task with its elapsed time and its latest output line. It
/// replaces the plain "==>" and "[Task] ..." lines, which stay in the per-attempt log files.
/// </summary>
internal sealed class LiveRunView(IAnsiConsole console, TimeProvider time) : IRunObserver, IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);
    private static readonly string[] Spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

    private readonly ConcurrentDictionary<string, Running> running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> finished = new();
    private readonly CancellationTokenSource done = new();
    private Task display = Task.CompletedTask;

    public void RunStarted(string runId, ExecutionPlan plan) =>
        display = console.Live(Render()).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Top).StartAsync(async context =>
        {
            while (!done.IsCancellationRequested)
            {
                context.UpdateTarget(Render());
                try
                {
                    await Task.Delay(Refresh, time, done.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run finished: draw the last frame below.
                }
            }

            context.UpdateTarget(Render());
        });

    public void TaskStateChanged(string runId, TaskReport report)
    {
        if (report.Status == ExecutionStatus.Running)
        {
            running.AddOrUpdate(report.Task.Id, _ => new Running(time.GetTimestamp(), report.State.Reason), (_, known) => known with { Line = report.State.Reason });
            return;
        }

        running.TryRemove(report.Task.Id, out _);
        if (report.Attempts > 0 || report.Status == ExecutionStatus.NotRun)
        {
            var (mark, colour) = report.Status switch
            {
                ExecutionStatus.Succeeded => ("✔", "green"),
                ExecutionStatus.Failed => ("✘", "red"),
                _ => ("•", "yellow"),
            };
            var duration = report.Duration is { } elapsed ? $" after {elapsed.TotalSeconds:0.0}s" : string.Empty;
            finished.Enqueue($"[{colour}]{mark}[/] {Markup.Escape(report.Task.Id)} [{colour}]{(report.Status == ExecutionStatus.NotRun ? "not run" : report.Status.ToString().ToLowerInvariant())}[/]{duration}[grey]{Markup.Escape(Detail(report))}[/]");
        }
    }

    public void TaskLogLine(string runId, string taskId, int attempt, LogStream stream, string text)
    {
        if (running.TryGetValue(taskId, out var task))
        {
            running[taskId] = task with { Line = text };
        }
    }

    /// <summary>Draws the last frame and lets the terminal go before the summary is written below it.</summary>
    public void RunFinished(RunReport report)
    {
        done.Cancel();
        display.GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await done.CancelAsync();
        await display;
        done.Dispose();
    }

    private static string Detail(TaskReport report) =>
        report.Status == ExecutionStatus.Succeeded && report.Attempts <= 1 ? string.Empty : $": {report.State.Reason}";

    private IRenderable Render()
    {
        var frame = Spinner[(int)(time.GetTimestamp() / (time.TimestampFrequency / 10) % Spinner.Length)];
        var width = Math.Max(40, console.Profile.Width);
        var lines = finished.Select(line => new Markup(line)).Cast<IRenderable>().ToList();
        foreach (var (id, task) in running.OrderBy(pair => pair.Value.Started))
        {
            var elapsed = time.GetElapsedTime(task.Started).TotalSeconds;
            var prefix = $"{frame} {id} {elapsed:0.0}s ";
            var room = Math.Max(0, width - prefix.Length - 1);
            var line = task.Line.Length > room ? task.Line[..room] : task.Line;
            lines.Add(new Markup($"[blue]{frame}[/] {Markup.Escape(id)} [bold]{elapsed:0.0}s[/] [grey]{Markup.Escape(line)}[/]"));
        }

        return new Rows(lines);
    }

    private sealed record Running(long Started, string Line);
}
