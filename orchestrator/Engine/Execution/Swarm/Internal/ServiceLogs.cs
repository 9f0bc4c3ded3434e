using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Swarm.Internal;

/// <summary>
/// Copies a service's output into the task log line by line as it comes, from its first byte (the
/// manager keeps a service's logs from the start, so following may begin before or after the task
/// does). A followed stream never ends on its own, even after the job finished; <see cref="FinishAsync"/>
/// stops it and fetches the whole log once more, adding the lines the live stream had not delivered.
/// </summary>
internal sealed class ServiceLogs : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly DockerClient manager;
    private readonly string serviceId;
    private readonly LineCounter delivered;
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;
    private MultiplexedStream? followed;

    private ServiceLogs(DockerClient manager, string serviceId, ITaskLog log)
    {
        this.manager = manager;
        this.serviceId = serviceId;
        delivered = new LineCounter(log);
        pump = Task.Run(FollowAsync);
    }

    public static ServiceLogs Follow(DockerClient manager, string serviceId, ITaskLog log) => new(manager, serviceId, log);

    /// <summary>Stops following and, unless the node that held the logs is gone, adds what the live stream had not delivered yet.</summary>
    public async Task FinishAsync(bool catchUp, TimeSpan timeout)
    {
        await StopFollowingAsync();
        if (!catchUp)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(timeout);
        var rest = new SkippingLog(delivered);
        try
        {
            using var whole = await OpenAsync(follow: false, deadline.Token);
            await CopyAsync(whole, rest, complete: true, deadline.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or DockerApiException)
        {
            delivered.Line(LogStream.Stderr, $"(the rest of the log could not be fetched: {e.Message})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopFollowingAsync();
        stop.Dispose();
    }

    private async Task FollowAsync()
    {
        try
        {
            followed = await OpenAsync(follow: true, stop.Token);
            if (stop.IsCancellationRequested)
            {
                followed.Dispose();
                return;
            }

            // A last line without a newline is left to the catch-up, which sees the stream's true end.
            await CopyAsync(followed, delivered, complete: false, stop.Token);
        }
        catch (Exception e) when (stop.IsCancellationRequested || e is IOException or DockerApiException)
        {
        }
    }

    private async Task StopFollowingAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }

        // A read blocked on the socket may not see the token; closing the stream ends it.
        followed?.Dispose();
        await pump;
    }

    private Task<MultiplexedStream> OpenAsync(bool follow, CancellationToken cancellation) =>
        manager.Swarm.GetServiceLogsAsync(serviceId, tty: false, new ServiceLogsParameters { Follow = follow, ShowStdout = true, ShowStderr = true }, cancellation);

    private static async Task CopyAsync(MultiplexedStream stream, ITaskLog log, bool complete, CancellationToken cancellation)
    {
        var stdout = new LogLineDecoder(LogStream.Stdout, log);
        var stderr = new LogLineDecoder(LogStream.Stderr, log);
        var buffer = new byte[BufferSize];
        while (await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation) is { EOF: false } read)
        {
            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Write(buffer.AsSpan(0, read.Count));
        }

        if (complete)
        {
            stdout.Complete();
            stderr.Complete();
        }
    }

    /// <summary>Passes lines on, counting them per stream.</summary>
    private sealed class LineCounter(ITaskLog inner) : ITaskLog
    {
        private int stdout;
        private int stderr;

        public int Delivered(LogStream stream) => stream == LogStream.Stderr ? Volatile.Read(ref stderr) : Volatile.Read(ref stdout);

        public void Line(LogStream stream, string text)
        {
            inner.Line(stream, text);
            Interlocked.Increment(ref (stream == LogStream.Stderr ? ref stderr : ref stdout));
        }
    }

    /// <summary>Drops, per stream, the lines the live stream already delivered, and passes the rest on.</summary>
    private sealed class SkippingLog(LineCounter delivered) : ITaskLog
    {
        private int stdout;
        private int stderr;

        public void Line(LogStream stream, string text)
        {
            var seen = ++(stream == LogStream.Stderr ? ref stderr : ref stdout);
            if (seen > delivered.Delivered(stream))
            {
                delivered.Line(stream, text);
            }
        }
    }
}
