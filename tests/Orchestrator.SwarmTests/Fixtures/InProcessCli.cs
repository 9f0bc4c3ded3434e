using Orchestrator.Cli;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>The orchestrator's CLI run in this process, as a user would run it, but blind to this process's environment variables.</summary>
internal static class InProcessCli
{
    /// <summary>The options of `run` that send the tasks to the test swarm.</summary>
    public static readonly string[] OnTestSwarm =
        ["--executor", "swarm", "--docker-host", TestSwarm.ManagerEngine.OriginalString, "--node-docker-host", TestSwarm.NodeEngineTemplate];

    /// <summary>Runs the CLI with <paramref name="pipeline"/> as the program's own pipeline (none: -f must name one); returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, Pipeline? pipeline = null)
    {
        var printed = new StringWriter();
        var output = TextWriter.Synchronized(printed);
        var environment = new CliEnvironment(output, output, TimeProvider.System) { GetVariable = _ => null, Pipeline = pipeline };
        var exitCode = await new CliApp(environment).RunAsync([.. arguments], CancellationToken.None);
        return (exitCode, printed.ToString());
    }
}
