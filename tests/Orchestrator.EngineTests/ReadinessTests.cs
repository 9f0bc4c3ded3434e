using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class ReadinessTests(EngineFixture engine)
{
    private const string Unreachable = "unix:///nonexistent.sock";

    [Fact]
    public async Task Ready_when_the_engine_answers_and_every_image_is_present()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());

        await executor.EnsureReadyAsync([EngineFixture.Definition("A"), EngineFixture.Definition("B")], CancellationToken.None);

        Assert.True(await DockerExecutor.IsEngineReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Missing_image_says_how_to_get_it_or_run_without_docker()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(
            () => executor.EnsureReadyAsync([EngineFixture.Definition("A"), EngineFixture.Definition("TrainModel", "wine-test/absent-step:0.1")], CancellationToken.None));

        Assert.Equal("image wine-test/absent-step:0.1 not found on the Docker engine; build, pull or load it (docker load), or use --executor process", error.Message);
    }

    [Fact]
    public async Task Task_without_an_image_is_refused_before_the_engine_is_asked()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var local = EngineFixture.Definition("Local") with { Image = null, Command = ["make"] };

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(() => executor.EnsureReadyAsync([EngineFixture.Definition("A"), local], CancellationToken.None));

        Assert.Equal("task Local has no image, only a local command; run it with --executor process, or give it an image", error.Message);
    }

    [Fact]
    public async Task Unreachable_DOCKER_HOST_gives_one_line_with_the_fix()
    {
        var original = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", Unreachable);
        try
        {
            using var executor = EngineFixture.Executor(engine.NewDataRoot());

            var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(
                () => executor.EnsureReadyAsync([EngineFixture.Definition("A")], CancellationToken.None));

            Assert.Equal(
                "cannot reach the Docker engine at unix:///nonexistent.sock (/nonexistent.sock does not exist); start dockerd, set DOCKER_HOST, or use --executor process",
                error.Message);
            Assert.False(await DockerExecutor.IsEngineReachableAsync(CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", original);
        }
    }
}
