using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Tests.Execution;

public class ContainerDefinitionTests
{
    [Fact]
    public void Gpus_become_a_device_request_as_docker_run_gpus_makes_one_checked_without_running_since_this_machine_has_no_gpu()
    {
        var invocation = new TaskInvocation("Train", "run", 0, "wine/train-model:0.1", [], []) { Resources = new TaskResources(Gpus: 2) };

        var definition = ContainerDefinition.For(invocation, "pipeline-train", "/data", StepUser.Pipeline);

        var request = Assert.Single(definition.HostConfig.DeviceRequests);
        Assert.Equal(2, request.Count);
        Assert.Equal(["gpu"], Assert.Single(request.Capabilities));
    }
}
