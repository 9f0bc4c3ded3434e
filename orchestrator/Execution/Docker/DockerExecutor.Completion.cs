using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using WinePipeline.Orchestrator.Execution.Docker.Internal;
using WinePipeline.Orchestrator.Execution.Failures;

namespace WinePipeline.Orchestrator.Execution.Docker;

public sealed partial class DockerExecutor
{
    /// <summary>Seconds a cancelled step gets to exit on SIGTERM before the engine kills it.</summary>
    private const uint StopGraceSeconds = 3;

    private async Task<ContainerExit> WaitForExitAsync(LaunchedContainer container, CancellationToken cancellation)
    {
        if (container.StartFailure is { } startFailure)
        {
            return startFailure;
        }

        var wait = await client.Containers.WaitContainerAsync(container.Id, cancellation);
        await container.Logs.WaitAsync(cancellation);
        if (wait.StatusCode == 0)
        {
            return new ContainerExit(0, null);
        }

        var state = (await client.Containers.InspectContainerAsync(container.Id, CancellationToken.None)).State;
        var engineError = !string.IsNullOrEmpty(wait.Error?.Message) ? wait.Error.Message
            : state.OOMKilled ? "the container ran out of memory (OOMKilled)"
            : string.IsNullOrEmpty(state.Error) ? null
            : state.Error;
        return new ContainerExit(wait.StatusCode, engineError, state.OOMKilled);
    }

    private async Task<ExecutionResult> ConcludeAsync(TaskInvocation invocation, LaunchedContainer container, ContainerExit exit, StderrTail output)
    {
        if (exit.Code == 0)
        {
            if (!Settings.KeepContainers)
            {
                await RemoveAsync(container.Id);
            }
        }
        else
        {
            if (exit.EngineError is { } engineError)
            {
                output.Line(LogStream.Stderr, DockerErrors.EngineSaid(engineError));
            }

            await KeepFailedAsync(container, invocation);
        }

        var target = $"image {invocation.Image}";
        return exit.OutOfMemory
            ? ClassifiedFailure.OutOfMemory(invocation.Resources.MemoryBytes, confirmed: true).ToResult((int)exit.Code, target, output.Lines)
            : new ExecutionResult((int)exit.Code, target, output.Lines);
    }

    /// <summary>Renames the failed container, freeing the canonical name for the next attempt.</summary>
    private async Task KeepFailedAsync(LaunchedContainer container, TaskInvocation invocation)
    {
        var rename = new ContainerRenameParameters { NewName = ContainerNames.Failed(container.Name, invocation.RunId, invocation.Attempt) };
        try
        {
            await client.Containers.RenameContainerAsync(container.Id, rename, CancellationToken.None);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            await RemoveAsync(rename.NewName);
            await client.Containers.RenameContainerAsync(container.Id, rename, CancellationToken.None);
        }
    }

    /// <summary>Stops (SIGTERM, then SIGKILL after a short grace) and removes a container that must not outlive a cancelled run.</summary>
    private async Task DiscardAsync(string id)
    {
        try
        {
            await client.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = StopGraceSeconds }, CancellationToken.None);
            await RemoveAsync(id);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    private Task RemoveAsync(string idOrName) =>
        client.Containers.RemoveContainerAsync(idOrName, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
}
