using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;

namespace WinePipeline.Bench.DockerOverhead;

/// <summary>
/// Time per task of the Docker executor against `docker run --rm` of the same container (same image,
/// command, mount, user and network), alternating the two, in one process.
/// Usage: dotnet run -c Release --project bench/docker-overhead [runs]
/// </summary>
public static class Program
{
    private static readonly string[] Command = ["echo", "hi"];

    public static async Task<int> Main(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var engine = new Uri(Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock");
        using (var client = new DockerClientConfiguration(engine).CreateClient())
        {
            await BusyboxTestImage.EnsureAsync(client);
        }

        var dataRoot = Directory.CreateTempSubdirectory("docker-overhead-").FullName;
        try
        {
            using var executor = new DockerExecutor(new DockerExecutorSettings(dataRoot, dataRoot, KeepContainers: false));
            var invocation = new TaskInvocation("Overhead", "bench", 0, BusyboxTestImage.Name, [], Command);
            string[] dockerRun =
            [
                "run", "--rm", "--network", "none", "--user", "10001:10001",
                "--mount", $"type=bind,source={dataRoot},target={ContainerPaths.DataRoot}",
                BusyboxTestImage.Name, .. Command,
            ];

            await TimeAsync(() => executor.ExecuteAsync(invocation, new DiscardedLog(), CancellationToken.None));
            await TimeAsync(() => DockerCliAsync(dockerRun));
            var executorTimes = new List<double>();
            var cliTimes = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                executorTimes.Add(await TimeAsync(() => executor.ExecuteAsync(invocation, new DiscardedLog(), CancellationToken.None)));
                cliTimes.Add(await TimeAsync(() => DockerCliAsync(dockerRun)));
            }

            Console.WriteLine(FormattableString.Invariant($"runs: {runs} each, command: {string.Join(' ', Command)}"));
            Console.WriteLine(FormattableString.Invariant($"DockerExecutor : mean {executorTimes.Average():0} ms, median {Median(executorTimes):0} ms"));
            Console.WriteLine(FormattableString.Invariant($"docker run --rm: mean {cliTimes.Average():0} ms, median {Median(cliTimes):0} ms"));
            Console.WriteLine(FormattableString.Invariant($"ratio (executor / docker run): mean {executorTimes.Average() / cliTimes.Average():0.00}x, median {Median(executorTimes) / Median(cliTimes):0.00}x"));
            return 0;
        }
        finally
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task DockerCliAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var docker = Process.Start(start)!;
        var output = Task.WhenAll(docker.StandardOutput.ReadToEndAsync(), docker.StandardError.ReadToEndAsync());
        await docker.WaitForExitAsync();
        await output;
        if (docker.ExitCode != 0)
        {
            throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited with {docker.ExitCode}");
        }
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private sealed class DiscardedLog : ITaskLog
    {
        public void Line(LogStream stream, string text)
        {
        }
    }
}
