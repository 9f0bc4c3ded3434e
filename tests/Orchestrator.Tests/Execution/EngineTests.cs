using System.Text.RegularExpressions;
using Orchestrator.Execution;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Execution;

public class EngineTests
{
    private static readonly TimeSpan OverlapWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Workers_2_on_a_diamond_run_both_middle_tasks_at_once_on_a_recording_stand_in_executor()
    {
        using var dataRoot = new TempDirectory();
        var bothMiddleTasksStarted = new CountdownEvent(2);
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = async (invocation, _, cancellation) =>
            {
                if (invocation.TaskId is "B" or "C")
                {
                    // Each middle task waits for the other: they can only both get past this if they overlap.
                    bothMiddleTasksStarted.Signal();
                    await Task.Run(() => bothMiddleTasksStarted.Wait(OverlapWait, cancellation), cancellation);
                }

                return 0;
            },
        };

        var result = await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path, "--workers", "2"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, executor.MaxConcurrent);
        Assert.True(bothMiddleTasksStarted.IsSet, "B and C never ran at the same time");
        Assert.Equal("A", executor.Ran.First());
        Assert.Equal("D", executor.Ran.Last());
        Assert.Equal("summary: 4 ran, 0 already complete, 0 failed", result.LastLine);
    }

    [Fact]
    public async Task Workers_1_on_a_recording_stand_in_executor_never_runs_two_tasks_at_once()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);

        var result = await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, executor.MaxConcurrent);
    }

    [Fact]
    public async Task Failed_task_stops_its_dependents_while_the_independent_branch_finishes()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path) { Behavior = (invocation, _, _) => Task.FromResult(invocation.TaskId == "B" ? 3 : 0) };

        var result = await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["A", "B", "C"], executor.Ran.Order());
        Assert.Contains("task B failed: exit code 3", result.Error);
        Assert.Contains("  ran: recording stand-in for test/step-b:1", result.Error);
        Assert.Contains("    B broke", result.Error);
        Assert.Contains("task D not run: upstream B failed", result.Error);
        Assert.Equal("summary: 2 ran, 0 already complete, 1 failed", result.LastLine);
    }

    [Fact]
    public async Task Failing_task_is_retried_with_exponential_backoff_and_each_attempt_has_its_own_log()
    {
        using var dataRoot = new TempDirectory();
        var time = new InstantTimeProvider();
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = (invocation, log, _) =>
            {
                log.Line(LogStream.Stdout, $"attempt {invocation.Attempt}");
                return Task.FromResult(invocation.Attempt < 2 ? 1 : 0);
            },
        };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path, "--retries", "3"], time);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([0, 1, 2], executor.Invocations.Select(invocation => invocation.Attempt));
        AssertBackoff([1, 2], time.Delays);
        var logs = Directory.GetFiles(dataRoot.Combine(".orchestrator", "logs"), "A.*.log", SearchOption.AllDirectories).Select(Path.GetFileName).Order();
        Assert.Equal(["A.0.log", "A.1.log", "A.2.log"], logs);
        Assert.Contains("[A] attempt 2", result.OutLines);
        Assert.Contains(result.OutLines, line => Regex.IsMatch(line, @"^<== A succeeded at 2026-01-02T03:04:08Z after 3\.\ds: succeeded after 3 attempts$"));
    }

    [Fact]
    public async Task Task_failing_every_retry_fails_the_run_after_the_last_attempt()
    {
        using var dataRoot = new TempDirectory();
        var time = new InstantTimeProvider();
        var executor = new RecordingExecutor(dataRoot.Path) { Behavior = (_, _, _) => Task.FromResult(1) };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path, "--retries", "2"], time);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, executor.Invocations.Count);
        AssertBackoff([1, 2], time.Delays);
        Assert.Contains("task A failed: exit code 1 after 3 attempts", result.Error);
    }

    [Fact]
    public async Task Cancelling_aborts_the_running_task_rather_than_failing_it_and_starts_no_more()
    {
        using var dataRoot = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = async (_, _, token) =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return 0;
            },
        };

        var result = await CliRunner.RunGraphAsync(TestGraph.Chain, executor, ["run", "C", "--data-root", dataRoot.Path], cancellation: cancellation.Token);

        Assert.Equal(130, result.ExitCode);
        Assert.Equal(["A"], executor.Ran);
        Assert.Contains("<== A aborted", result.Out);
        Assert.Contains("run cancelled; aborted: A", result.Error);
        Assert.DoesNotContain("failed", result.Error);
        Assert.Equal("summary: 0 ran, 0 already complete, 0 failed", result.LastLine);
    }

    [Fact]
    public async Task Step_exiting_on_its_own_after_the_same_Ctrl_C_counts_as_aborted_not_failed()
    {
        using var dataRoot = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = async (_, _, _) =>
            {
                await cancellation.CancelAsync();
                return 130;
            },
        };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], cancellation: cancellation.Token);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains("run cancelled; aborted: A", result.Error);
        Assert.Equal("summary: 0 ran, 0 already complete, 0 failed", result.LastLine);
    }

    [Fact]
    public async Task Executor_breaking_mid_run_fails_that_task_with_its_message_after_the_infrastructure_retries()
    {
        using var dataRoot = new TempDirectory();
        var time = new InstantTimeProvider();
        var executor = new RecordingExecutor(dataRoot.Path) { Behavior = (_, _, _) => throw new IOException("engine connection reset") };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path], time);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1 + RetryPolicy.Default.InfrastructureRetries, executor.Invocations.Count);
        Assert.Contains("task A failed: the recording executor failed: engine connection reset after 4 attempts", result.Error);
        Assert.Contains("  ran: recording executor for task A", result.Error);
        Assert.Contains("    engine connection reset", result.Error);
    }

    [Fact]
    public async Task Task_output_is_echoed_live_prefixed_with_the_task_and_start_and_end_are_reported()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path]);

        Assert.Contains("[A] working on A", result.OutLines);
        Assert.Contains(result.OutLines, line => line.StartsWith("==> A started at ", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, line => Regex.IsMatch(line, @"^<== A succeeded at \S+Z after \d+\.\ds$"));
    }

    [Fact]
    public async Task Rerun_after_success_runs_nothing_and_reports_all_complete()
    {
        using var dataRoot = new TempDirectory();
        var executor = new RecordingExecutor(dataRoot.Path);
        await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path]);

        var rerun = await CliRunner.RunGraphAsync(TestGraph.Diamond, executor, ["run", "D", "--data-root", dataRoot.Path]);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(4, executor.Invocations.Count);
        Assert.Equal("summary: 0 ran, 4 already complete, 0 failed", rerun.LastLine);
    }

    [Fact]
    public async Task Force_reruns_the_forced_task_and_its_downstream_only()
    {
        using var dataRoot = new TempDirectory();
        var first = new RecordingExecutor(dataRoot.Path);
        await CliRunner.RunGraphAsync(TestGraph.Diamond, first, ["run", "D", "--data-root", dataRoot.Path]);
        var second = new RecordingExecutor(dataRoot.Path);

        var result = await CliRunner.RunGraphAsync(TestGraph.Diamond, second, ["run", "D", "--data-root", dataRoot.Path, "--force", "C"]);

        Assert.Equal(["C", "D"], second.Ran);
        Assert.Equal("summary: 2 ran, 2 already complete, 0 failed", result.LastLine);
    }

    [Fact]
    public async Task Task_writes_into_its_staging_folder_and_its_output_appears_only_once_it_succeeded()
    {
        using var dataRoot = new TempDirectory();
        var seenWhileRunning = new List<(string OutDir, bool OutputPresent)>();
        var executor = new RecordingExecutor(dataRoot.Path)
        {
            Behavior = (invocation, _, _) =>
            {
                seenWhileRunning.Add((RecordingExecutor.OutDirectory(invocation), File.Exists(dataRoot.Combine(TestGraph.OutputOf("A")))));
                return Task.FromResult(0);
            },
        };

        var result = await CliRunner.RunGraphAsync(["A"], executor, ["run", "A", "--data-root", dataRoot.Path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([(dataRoot.Combine(".orchestrator", "staging", "A"), false)], seenWhileRunning);
        Assert.Equal(executor.Invocations.Single().RunId, File.ReadAllText(dataRoot.Combine(TestGraph.OutputOf("A"))));
        Assert.False(Directory.Exists(dataRoot.Combine(".orchestrator", "staging", "A")));
    }

    [Fact]
    public async Task Failed_forced_rerun_keeps_the_last_good_output_and_the_task_complete()
    {
        using var dataRoot = new TempDirectory();
        var first = new RecordingExecutor(dataRoot.Path);
        await CliRunner.RunGraphAsync(TestGraph.Chain, first, ["run", "C", "--data-root", dataRoot.Path]);
        var good = File.ReadAllText(dataRoot.Combine(TestGraph.OutputOf("B")));
        var failing = new RecordingExecutor(dataRoot.Path) { Behavior = (_, _, _) => Task.FromResult(1) };

        var forced = await CliRunner.RunGraphAsync(TestGraph.Chain, failing, ["run", "C", "--data-root", dataRoot.Path, "--force", "B"]);
        var status = await CliRunner.RunGraphAsync(TestGraph.Chain, failing, ["status", "--data-root", dataRoot.Path]);

        Assert.Equal(1, forced.ExitCode);
        Assert.Equal(good, File.ReadAllText(dataRoot.Combine(TestGraph.OutputOf("B"))));
        Assert.All(status.OutLines, line => Assert.Contains(" Complete ", line));
    }

    /// <summary>Each delay is its base (doubling from 1 s) plus a jitter of up to a quarter of it.</summary>
    private static void AssertBackoff(double[] baseSeconds, IEnumerable<TimeSpan> delays)
    {
        Assert.Equal(baseSeconds.Length, delays.Count());
        Assert.All(baseSeconds.Zip(delays), pair => Assert.InRange(pair.Second.TotalSeconds, pair.First, pair.First * 1.25));
    }
}
