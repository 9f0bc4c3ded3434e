using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Process;
using WinePipeline.Orchestrator.Tests.Support;

namespace WinePipeline.Orchestrator.Tests.Execution;

public class ProcessExecutorTests
{
    [Theory]
    [InlineData("/usr/share/data/interim/train.csv", "/data/interim/train.csv")]
    [InlineData("/usr/share/data", "/data")]
    [InlineData("/usr/share/database", "/usr/share/database")]
    [InlineData(".SUCCESS_CleanData", ".SUCCESS_CleanData")]
    public void Container_paths_in_arguments_map_onto_the_local_data_root(string argument, string expected)
    {
        Assert.Equal(expected, DataRootMapping.Map(argument, "/data"));
    }

    [Fact]
    public async Task Unpublished_step_without_a_checkout_is_executor_unavailable_with_a_hint()
    {
        using var temp = new TempDirectory();
        var executor = new ProcessExecutor(new ProcessExecutorSettings(temp.Path, temp.Combine("steps"), RepositoryRoot: null), TextWriter.Null);

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(() => executor.EnsureReadyAsync([Invocation("train_model")], CancellationToken.None));

        Assert.Equal(
            $"step train_model is not published at {temp.Combine("steps", "train_model", "train_model.dll")} and no WinePipeline.slnx checkout was found to publish it from; publish it there or pass --steps-dir",
            error.Message);
    }

    [Fact]
    public async Task Step_that_fails_to_publish_is_executor_unavailable_naming_the_command_to_run()
    {
        using var checkout = new TempDirectory();
        var progress = new StringWriter();
        var executor = new ProcessExecutor(new ProcessExecutorSettings(checkout.Path, checkout.Combine("publish"), checkout.Path), progress);

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(() => executor.EnsureReadyAsync([Invocation("no_such_step")], CancellationToken.None));

        Assert.StartsWith("could not publish step no_such_step: ", error.Message);
        Assert.EndsWith($"run `dotnet publish steps/no_such_step -c Release -o {checkout.Combine("publish", "no_such_step")}` to see why", error.Message);
        Assert.Equal($"publishing step no_such_step to {checkout.Combine("publish", "no_such_step")} (once; later runs reuse it)\n", progress.ToString());
    }

    [Fact]
    public async Task Resources_it_cannot_enforce_are_named_once_for_the_whole_run()
    {
        using var temp = new TempDirectory();
        var settings = new ProcessExecutorSettings(temp.Path, temp.Combine("publish"), RepositoryRoot: null);
        Directory.CreateDirectory(Path.GetDirectoryName(settings.ProgramOf("train_model"))!);
        File.WriteAllText(settings.ProgramOf("train_model"), "");
        var progress = new StringWriter();
        var executor = new ProcessExecutor(settings, progress);
        TaskInvocation[] invocations =
        [
            Invocation("train_model") with { TaskId = "Train", Resources = new TaskResources(Cpus: 2) },
            Invocation("train_model") with { TaskId = "Tune", Resources = new TaskResources(MemoryBytes: 1 << 30) },
            Invocation("train_model") with { TaskId = "Plain" },
        ];

        await executor.EnsureReadyAsync(invocations, CancellationToken.None);

        Assert.Equal("process executor: cannot enforce resource limits on local processes; Train, Tune run without theirs (use --executor docker or swarm to enforce them)\n", progress.ToString());
    }

    [Fact]
    public void Checkout_is_found_by_walking_up_to_the_solution_file()
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "WinePipeline.slnx")));
    }

    private static TaskInvocation Invocation(string step) => new("Task", step, $"wine/{step}:0.1", [], "run-1", 0, false);
}
