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
    /// Creates and starts the attempt's container under the task's canonical name. When a restarted
    /// orchestrator finds that name held by a running container that runs exactly what this attempt
    /// would (<see cref="ContainerMatch"/>), it follows that one instead; any other holder is stopped
    /// and removed first.
    /// </summary>
    private async Task<LaunchedContainer> LaunchAsync(TaskInvocation invocation, ITaskLog log, CancellationToken cancellation)
    {
        var hostDataRoot = HostDataRoot.Of(Settings);
        var name = ContainerNames.Canonical(hostDataRoot, invocation.TaskId);
        var user = StepUser.For(Settings.LocalDataRoot);
        StepUser.GrantStaging(Staging.StagingPaths.StagingDirectory(Settings.LocalDataRoot, invocation.TaskId), user);
        var spec = ContainerDefinition.For(invocation, name, hostDataRoot, user);
        var id = await CreateUnlessNameTakenAsync(spec, cancellation);
        if (id is null)
        {
            var holder = await client.Containers.InspectContainerAsync(name, cancellation);
            if (holder.State.Running)
            {
                if (ContainerMatch.Difference(holder, spec, await InspectImageAsync(spec.Image, cancellation)) is not { } difference)
                {
                    log.Line(LogStream.Stdout, DockerMessages.Adopted(name));
                    return await FollowAsync(holder.ID, name, log, cancellation);
                }

                log.Line(LogStream.Stdout, DockerMessages.Replaced(name, difference));
            }

            await RemoveAsync(holder.ID);
            id = await CreateUnlessNameTakenAsync(spec, cancellation) ?? throw DockerErrors.NameRetaken(name);
        }

        return await AttachAndStartAsync(id, name, log, cancellation);
    }

    private async Task<ImageInspectResponse> InspectImageAsync(string image, CancellationToken cancellation)
    {
        try
        {
            return await client.Images.InspectImageAsync(image, cancellation);
        }
        catch (DockerImageNotFoundException)
        {
            throw DockerErrors.ImageMissing(image);
        }
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
