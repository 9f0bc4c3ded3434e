using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class LeastPrivilegeTests(EngineFixture engine)
{
    [Fact]
    public async Task Step_has_no_capabilities_cannot_gain_privileges_writes_only_tmp_and_its_staging_folder_and_has_a_pids_limit()
    {
        var dataRoot = engine.NewDataRoot();
        Directory.CreateDirectory(Path.Combine(dataRoot, ".orchestrator", "staging", "Confined"));
        using var executor = EngineFixture.Executor(dataRoot, keepContainers: true);
        var log = new RecordingLog();
        const string script = "touch /tmp/scratch && echo tmp writable; touch /usr/share/data/.orchestrator/staging/Confined/out && echo staging writable; " +
            "touch /app-file 2>/dev/null || echo root read-only; cat /proc/self/status";

        var result = await executor.ExecuteAsync(engine.Invocation("Confined", script), log, CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.StderrTail));
        var stdout = log.Of(LogStream.Stdout);
        Assert.Equal(["tmp writable", "staging writable", "root read-only"], stdout.Take(3));
        Assert.Contains("CapEff:\t0000000000000000", stdout);
        Assert.Contains("CapBnd:\t0000000000000000", stdout);
        Assert.Contains("NoNewPrivs:\t1", stdout);
        var host = (await engine.Client.Containers.InspectContainerAsync(ContainerNames.Canonical(dataRoot, "Confined"))).HostConfig;
        Assert.True(host.PidsLimit is > 0, $"pids limit {host.PidsLimit}");
        Assert.True(host.ReadonlyRootfs);
    }
}
