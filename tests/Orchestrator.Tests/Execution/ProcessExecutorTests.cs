using Orchestrator.Execution;
using Orchestrator.Execution.Process;
using Orchestrator.Fingerprints;
using Orchestrator.Graph;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Execution;

public class ProcessExecutorTests
{
    [Fact]
    public async Task Build_that_fails_is_executor_unavailable_naming_its_first_error_and_the_command_to_run()
    {
        using var checkout = new TempDirectory();
        var progress = new StringWriter();
        var task = Graph(checkout.Path, build => build.Build("out/tool", "sh", "-c", "echo 'error: tool.c:3: missing ;' >&2; exit 1")).Get("Tool");
        var executor = new ProcessExecutor(checkout.Combine("data"), ContentHashes.Load(checkout.Combine("data")), progress);

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(() => executor.EnsureReadyAsync([task], CancellationToken.None));

        Assert.Equal(
            $"cannot build out/tool for task Tool: error: tool.c:3: missing ;; run `sh -c 'echo '\\''error: tool.c:3: missing ;'\\'' >&2; exit 1'` in {checkout.Path} to see why",
            error.Message);
        Assert.Equal(
            "building 1 local program(s) whose code changed or that are missing\n" +
            "building 1/1: Tool (sh -c 'echo '\\''error: tool.c:3: missing ;'\\'' >&2; exit 1')\n",
            progress.ToString());
    }

    [Fact]
    public async Task Build_runs_once_and_again_only_when_the_tasks_code_changed()
    {
        using var checkout = new TempDirectory();
        File.WriteAllText(checkout.Combine("tool.src"), "version 1");
        var graph = Graph(checkout.Path, task => task.Code("tool.src").Build("tool.out", "sh", "-c", "cat tool.src >> builds.log; cp tool.src tool.out"));
        var hashes = ContentHashes.Load(checkout.Combine("data"));
        var executor = new ProcessExecutor(checkout.Combine("data"), hashes, TextWriter.Null);

        await executor.EnsureReadyAsync([graph.Get("Tool")], CancellationToken.None);
        await executor.EnsureReadyAsync([graph.Get("Tool")], CancellationToken.None);
        File.WriteAllText(checkout.Combine("tool.src"), "version 2!");
        await executor.EnsureReadyAsync([graph.Get("Tool")], CancellationToken.None);

        Assert.Equal("version 1version 2!", File.ReadAllText(checkout.Combine("builds.log")));
    }

    [Fact]
    public async Task Task_with_only_an_image_cannot_run_as_a_process_and_says_what_to_use()
    {
        using var dataRoot = new TempDirectory();
        var pipeline = new PipelineBuilder("test");
        pipeline.Task("Boxed").Image("acme/boxed:1").Output("out", "o.txt");
        var task = pipeline.Build().Resolve(new Dictionary<string, string>()).Get("Boxed");
        var executor = new ProcessExecutor(dataRoot.Path, ContentHashes.Load(dataRoot.Path), TextWriter.Null);

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(() => executor.EnsureReadyAsync([task], CancellationToken.None));

        Assert.Equal("task Boxed has no command, only the image acme/boxed:1; run it with --executor docker, or give it a command", error.Message);
    }

    [Fact]
    public async Task Command_runs_in_the_base_folder_with_data_paths_under_the_local_data_root_and_its_stderr_tail_kept()
    {
        using var temp = new TempDirectory();
        var dataRoot = temp.Combine("data");
        var graph = Graph(temp.Path, task => task);
        var executor = new ProcessExecutor(dataRoot, ContentHashes.Load(dataRoot), TextWriter.Null);
        var log = new List<(LogStream Stream, string Text)>();

        var result = await executor.ExecuteAsync(
            TaskInvocation.Of(graph.Get("Tool"), "run-1", 0, executor.TaskDataRoot), new ListLog(log), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"command sh -c 'pwd; echo \"$0\"; echo broken >&2; exit 3' {dataRoot}/.orchestrator/staging/Tool", result.Target);
        Assert.Equal([temp.Path, $"{dataRoot}/.orchestrator/staging/Tool"], log.Where(line => line.Stream == LogStream.Stdout).Select(line => line.Text));
        Assert.Equal(["broken"], log.Where(line => line.Stream == LogStream.Stderr).Select(line => line.Text));
        Assert.Equal(["broken"], result.StderrTail);
    }

    [Fact]
    public async Task The_step_starts_only_after_its_token_is_recorded_carries_it_and_leaves_no_record_when_it_ends()
    {
        using var temp = new TempDirectory();
        var dataRoot = temp.Combine("data");
        var record = Path.Combine(dataRoot, ".orchestrator", "processes", "Tool.token");
        var pipeline = new PipelineBuilder("test").BaseDirectory(temp.Path);
        pipeline.Task("Tool").Command("sh", "-c", "cat \"$0\"; echo; echo \"$ORCHESTRATOR_STEP_TOKEN\"").Args(record).Output("out", "tool.txt");
        var task = pipeline.Build().Resolve(new Dictionary<string, string>()).Get("Tool");
        var executor = new ProcessExecutor(dataRoot, ContentHashes.Load(dataRoot), TextWriter.Null);
        var log = new List<(LogStream Stream, string Text)>();

        var result = await executor.ExecuteAsync(TaskInvocation.Of(task, "run-1", 0, executor.TaskDataRoot), new ListLog(log), CancellationToken.None);

        Assert.True(result.ExitCode == 0, string.Join('\n', log));
        var (recorded, carried) = (log[0].Text, log[1].Text);
        Assert.Matches("^[0-9a-f]{32}$", recorded);
        Assert.Equal(recorded, carried);
        Assert.False(File.Exists(record));
    }

    [Fact]
    public async Task A_rerun_after_a_crash_kills_every_process_carrying_the_tasks_token_even_one_outside_the_steps_tree_and_nothing_else()
    {
        using var temp = new TempDirectory();
        var dataRoot = temp.Combine("data");
        var progress = new StringWriter();
        var executor = new ProcessExecutor(dataRoot, ContentHashes.Load(dataRoot), progress);
        var token = new StepProcesses(dataRoot, TextWriter.Null).Starting("Tool");

        // What a SIGKILLed orchestrator leaves: its step, and a child the step started that left the step's tree.
        using var step = OrphanedSteps.Sleeping(token);
        using var escaped = OrphanedSteps.Sleeping(token);
        using var bystander = OrphanedSteps.Sleeping(OrphanedSteps.NewToken());
        try
        {
            await executor.ExecuteAsync(
                TaskInvocation.Of(Graph(temp.Path, task => task).Get("Tool"), "run-2", 0, executor.TaskDataRoot), new ListLog([]), CancellationToken.None);

            Assert.Equal(
                $"--- Tool: stopping its step processes {Math.Min(step.Id, escaped.Id)}, {Math.Max(step.Id, escaped.Id)}, left running by an orchestrator that was killed\n",
                progress.ToString());
            Assert.True(step.HasExited && escaped.HasExited);
            Assert.False(bystander.HasExited);
        }
        finally
        {
            bystander.Kill();
        }
    }

    private static TaskGraph Graph(string baseDirectory, Func<TaskBuilder, TaskBuilder> declare)
    {
        var pipeline = new PipelineBuilder("test").BaseDirectory(baseDirectory);
        declare(pipeline.Task("Tool")
            .Command("sh", "-c", "pwd; echo \"$0\"; echo broken >&2; exit 3")
            .Args(Out.Directory)
            .Output("out", "tool.txt"));
        return pipeline.Build().Resolve(new Dictionary<string, string>());
    }

    private sealed class ListLog(List<(LogStream Stream, string Text)> lines) : ITaskLog
    {
        public void Line(LogStream stream, string text)
        {
            lock (lines)
            {
                lines.Add((stream, text));
            }
        }
    }
}
