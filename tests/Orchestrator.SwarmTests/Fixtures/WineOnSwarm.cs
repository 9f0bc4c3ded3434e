using Docker.DotNet;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.SwarmTests.Fixtures;

/// <summary>The wine pipeline as the swarm tests and the swarm bench run it on the test swarm: its step images (built by ./build-task-images.sh 0.1) and its `run` arguments.</summary>
internal static class WineOnSwarm
{
    /// <summary>The step images' prefix, as ./build-task-images.sh takes it: $IMAGE_PREFIX, else wine.</summary>
    public static readonly string ImagePrefix = Environment.GetEnvironmentVariable("IMAGE_PREFIX") is { Length: > 0 } prefix ? prefix : "wine";

    public static readonly Pipeline Pipeline = WinePipeline.Wine.Define(TestSwarm.RepositoryRoot);

    /// <summary>`run` of the default target on the test swarm, with the given dataset and this checkout's images.</summary>
    public static string[] RunArguments(string dataRoot, string datasetUrl) =>
        ["run", .. InProcessCli.OnTestSwarm, "--data-root", dataRoot, "-p", $"dataset-url={datasetUrl}", "-p", $"image-prefix={ImagePrefix}"];

    /// <summary>`docker save | docker load` from the main engine onto every node that lacks an image or holds another build of it.</summary>
    public static async Task LoadImagesAsync()
    {
        var graph = Pipeline.Resolve(new Dictionary<string, string>(Pipeline.Defaults()) { ["image-prefix"] = ImagePrefix });
        var images = graph.UpstreamOf([Pipeline.DefaultTarget]).Select(task => task.Image!).Distinct().ToArray();
        using var main = DockerEndpoint.CreateClient(DockerEndpoint.Resolve(null));
        var wanted = new Dictionary<string, string>();
        foreach (var image in images)
        {
            wanted[image] = await ImageIdAsync(main, image)
                ?? throw new InvalidOperationException($"image {image} is not on the main engine; build the step images with ./build-task-images.sh 0.1 (prefix from IMAGE_PREFIX)");
        }

        foreach (var node in TestSwarm.Nodes)
        {
            using var engine = DockerEndpoint.CreateClient(TestSwarm.NodeEngine(node));
            foreach (var (image, id) in wanted)
            {
                if (await ImageIdAsync(engine, image) != id)
                {
                    await TestSwarm.RunScriptAsync("swarm-load-images.sh", images);
                    return;
                }
            }
        }
    }

    private static async Task<string?> ImageIdAsync(DockerClient engine, string image)
    {
        try
        {
            return (await engine.Images.InspectImageAsync(image)).ID;
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
    }
}
