using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class ResourceLimitTests(EngineFixture engine)
{
    private const long SixteenMiB = 16L * 1024 * 1024;

    [Fact]
    public async Task Cpus_and_memory_become_the_containers_limits()
    {
        var dataRoot = engine.NewDataRoot();
        using var executor = EngineFixture.Executor(dataRoot, keepContainers: true);
        var invocation = engine.Invocation("Limited", "true") with { Resources = new TaskResources(Cpus: 0.5, MemoryBytes: 64L * 1024 * 1024) };

        var result = await executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var container = await engine.FindAsync(ContainerNames.Canonical(dataRoot, "Limited"));
        Assert.Equal(500_000_000, container!.HostConfig.NanoCPUs);
        Assert.Equal(64L * 1024 * 1024, container.HostConfig.Memory);
    }

    [Fact]
    public async Task Running_out_of_memory_fails_as_out_of_memory_with_the_limit_in_words()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var invocation = engine.Invocation("EatsMemory", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived") with { Resources = new TaskResources(MemoryBytes: SixteenMiB) };

        var result = await executor.ExecuteAsync(invocation, new RecordingLog(), CancellationToken.None);

        Assert.Equal((137, FailureKind.OutOfMemory), (result.ExitCode, result.Failure));
        Assert.StartsWith("ran out of memory (limit 16 MiB)", result.Message, StringComparison.Ordinal);
    }
}
