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

        await executor.EnsureReadyAsync([engine.Invocation("A", "true"), engine.Invocation("B", "true")], CancellationToken.None);

        Assert.True(await DockerExecutor.IsEngineReachableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Missing_image_names_the_build_script()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var invocation = engine.Invocation("TrainModel", "true") with { Image = "wine-test/absent-step:0.1" };

        var error = await Assert.ThrowsAsync<ExecutorUnavailableException>(
            () => executor.EnsureReadyAsync([engine.Invocation("A", "true"), invocation], CancellationToken.None));

        Assert.Equal("image wine-test/absent-step:0.1 not found; build it with ./build-task-images.sh 0.1, or use --executor process", error.Message);
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
                () => executor.EnsureReadyAsync([engine.Invocation("A", "true")], CancellationToken.None));

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
