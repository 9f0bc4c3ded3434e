using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Docker;

internal sealed partial class DockerExecutor
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
            return new ContainerExit(0, null, FailureKind.None);
        }

        var state = (await client.Containers.InspectContainerAsync(container.Id, CancellationToken.None)).State;
        if (state.OOMKilled)
        {
            return new ContainerExit(wait.StatusCode, "the container ran out of memory (OOMKilled)", FailureKind.OutOfMemory);
        }

        var engineError = !string.IsNullOrEmpty(wait.Error?.Message) ? wait.Error.Message : string.IsNullOrEmpty(state.Error) ? null : state.Error;
        return new ContainerExit(wait.StatusCode, engineError);
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

        return new ExecutionResult((int)exit.Code, $"image {invocation.Image}", output.Lines) with
        {
            Failure = exit.Failure,
            Message = exit.Failure switch
            {
                FailureKind.OutOfMemory => FailureMessages.OutOfMemory(invocation.Resources.MemoryBytes),
                FailureKind.Infrastructure => $"the Docker engine could not start the container: {exit.EngineError}",
                _ => null,
            },
        };
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
