using Docker.DotNet;

namespace Orchestrator.Execution.Docker.Internal;

internal static class LogPump
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Demultiplexes a container's stdout and stderr into lines until the engine closes the stream,
    /// which it does when the container exits.
    /// </summary>
    public static async Task CopyLinesAsync(MultiplexedStream output, ITaskLog log)
    {
        var stdout = new LogLineDecoder(LogStream.Stdout, log);
        var stderr = new LogLineDecoder(LogStream.Stderr, log);
        var buffer = new byte[BufferSize];
        while (true)
        {
            var read = await output.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
            if (read.EOF)
            {
                break;
            }

            var decoder = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            decoder.Write(buffer.AsSpan(0, read.Count));
        }

        stdout.Complete();
        stderr.Complete();
    }
}
