using System.Diagnostics;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.SwarmTests.Fixtures;

namespace Orchestrator.SwarmTests;

[Collection(SwarmCollection.Name)]
[Trait("Category", "Swarm")]
public sealed class LogStreamingTests(SwarmFixture swarm)
{
    [Fact]
    public async Task The_first_line_reaches_the_log_while_the_job_still_runs_and_every_line_arrives_once_in_order()
    {
        using var executor = SwarmFixture.Executor(swarm.NewDataRoot());
        var script = "echo first; echo 'first error' >&2; sleep 4; i=1; while [ $i -le 500 ]; do echo \"out $i\"; echo \"err $i\" >&2; i=$((i+1)); done; printf 'out last'";
        var firstLineAt = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var log = new TimedLog(() => firstLineAt = firstLineAt == TimeSpan.Zero ? clock.Elapsed : firstLineAt);

        var result = await executor.ExecuteAsync(swarm.Invocation("Chatty", script), log, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        Assert.True(clock.Elapsed - firstLineAt > TimeSpan.FromSeconds(3), $"the first line came {firstLineAt} after the start, the job ended at {clock.Elapsed}");
        Assert.Equal(["first", .. Enumerable.Range(1, 500).Select(i => $"out {i}"), "out last"], log.Lines.Of(LogStream.Stdout));
        Assert.Equal(["first error", .. Enumerable.Range(1, 500).Select(i => $"err {i}")], log.Lines.Of(LogStream.Stderr));
    }

    /// <summary>Records the lines, calling back on each.</summary>
    private sealed class TimedLog(Action onLine) : ITaskLog
    {
        public RecordingLog Lines { get; } = new();

        public void Line(LogStream stream, string text)
        {
            onLine();
            Lines.Line(stream, text);
        }
    }
}
