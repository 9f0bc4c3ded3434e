using WinePipeline.Orchestrator.Execution;
using WinePipeline.Orchestrator.Execution.Docker.Internal;

namespace WinePipeline.Orchestrator.Tests.Execution;

public class ContainerDefinitionTests
{
    [Fact]
    public void Gpus_become_a_device_request_as_docker_run_gpus_makes_one_checked_without_running_since_this_machine_has_no_gpu()
    {
        var invocation = new TaskInvocation("Train", "train_model", "wine/train-model:0.1", [], "run", 0, NeedsNetwork: false) { Resources = new TaskResources(Gpus: 2) };

        var definition = ContainerDefinition.For(invocation, "wine-train", "/data", StepUser.Pipeline);

        var request = Assert.Single(definition.HostConfig.DeviceRequests);
        Assert.Equal(2, request.Count);
        Assert.Equal(["gpu"], Assert.Single(request.Capabilities));
    }
}
