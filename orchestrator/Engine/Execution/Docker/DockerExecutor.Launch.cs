using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.Execution.Docker;

internal sealed partial class DockerExecutor
{
    /// <summary>What `docker run` reports when the engine cannot start the container.</summary>
    private const int StartFailedExitCode = 125;

    /// <summary>
    /// Creates and starts the attempt's container under the task's canonical name; when a restarted
    /// orchestrator finds that name held by the task's still-running container, follows that one instead.
    /// </summary>
    private async Task<LaunchedContainer> LaunchAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var name = ContainerNames.Canonical(Settings.HostDataRoot, invocation.TaskId);
        var user = StepUser.For(Settings.LocalDataRoot);
        StepUser.GrantStaging(Staging.StagingPaths.StagingDirectory(Settings.LocalDataRoot, invocation.TaskId), user);
        var spec = ContainerDefinition.For(invocation, name, Settings.HostDataRoot, user);
        var id = await CreateUnlessNameTakenAsync(spec, cancellation);
        if (id is null)
        {
            var holder = await client.Containers.InspectContainerAsync(name, cancellation);
            if (holder.State.Running && holder.Config.Labels?.TryGetValue(ContainerLabels.Task, out var task) == true && task == invocation.TaskId)
            {
                return await FollowAsync(holder.ID, name, log, cancellation);
            }

            await RemoveAsync(holder.ID);
            id = await CreateUnlessNameTakenAsync(spec, cancellation) ?? throw DockerErrors.NameRetaken(name);
        }

        return await AttachAndStartAsync(id, name, log, cancellation);
    }

    private async Task<string?> CreateUnlessNameTakenAsync(CreateContainerParameters spec, CancellationToken cancellation)
    {
        try
        {
            return (await client.Containers.CreateContainerAsync(spec, cancellation)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            throw DockerErrors.ImageMissing(spec.Image);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Attaches before starting, so not even the first line of output can be missed.</summary>
    private async Task<LaunchedContainer> AttachAndStartAsync(string id, string name, ITaskLog log, CancellationToken cancellation)
    {
        LaunchedContainer container;
        try
        {
            var output = await client.Containers.AttachContainerAsync(
                id, tty: false, new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }, cancellation);
            container = new LaunchedContainer(id, name, output, LogPump.CopyLinesAsync(output, log));
        }
        catch
        {
            await DiscardAsync(id);
            throw;
        }

        try
        {
            container.StartFailure = await StartAsync(id, cancellation);
            return container;
        }
        catch
        {
            await DiscardAsync(id);
            await container.DisposeAsync();
            throw;
        }
    }

    private async Task<ContainerExit?> StartAsync(string id, CancellationToken cancellation)
    {
        try
        {
            await client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellation);
            return null;
        }
        catch (DockerApiException e) when (e is not DockerContainerNotFoundException)
        {
            var state = (await client.Containers.InspectContainerAsync(id, CancellationToken.None)).State;
            return new ContainerExit(state.ExitCode != 0 ? state.ExitCode : StartFailedExitCode, DockerErrors.EngineMessage(e), FailureKind.Infrastructure);
        }
    }

    /// <summary>Streams the output of an already running container from now on.</summary>
    private async Task<LaunchedContainer> FollowAsync(string id, string name, ITaskLog log, CancellationToken cancellation)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000m;
        var output = await client.Containers.GetContainerLogsAsync(
            id,
            tty: false,
            new ContainerLogsParameters { Follow = true, ShowStdout = true, ShowStderr = true, Since = now.ToString("0.000", CultureInfo.InvariantCulture) },
            cancellation);
        return new LaunchedContainer(id, name, output, LogPump.CopyLinesAsync(output, log));
    }
}
