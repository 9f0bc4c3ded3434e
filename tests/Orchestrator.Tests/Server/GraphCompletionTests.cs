using Orchestrator.Fingerprints;
using Orchestrator.Graph;
using Orchestrator.Planning;
using Orchestrator.Server;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Server;

public class GraphCompletionTests
{
    private const string Image = "wine/train-model:0.1";
    private static readonly TaskDefinition Train = new("TrainModel", [], [TaskOutput.File("output/model.zip")], new Dictionary<string, string>()) { Image = Image };

    [Fact]
    public void Polls_within_the_image_id_lifetime_ask_the_engine_once_and_a_later_poll_sees_a_rebuild()
    {
        using var dataRoot = new TempDirectory();
        Directory.CreateDirectory(dataRoot.Combine("output"));
        File.WriteAllText(dataRoot.Combine("output", "model.zip"), "model");
        new FingerprintRecorder(dataRoot.Path, ContentHashes.Load(dataRoot.Path)).Record(Train, new CodeVersion(CodeVersion.Image, Image, "sha256:old"), new Dictionary<string, string>());
        var time = new SettableTimeProvider();
        var asked = new List<string>();
        var currentId = "sha256:old";
        var completion = new GraphCompletion(dataRoot.Path, existenceOnly: false, image => { asked.Add(image); return currentId; }, time);

        var first = completion.ForPoll().Check(Train);
        currentId = "sha256:new";
        time.Now += GraphCompletion.ImageIdLifetime - TimeSpan.FromSeconds(1);
        var withinLifetime = completion.ForPoll().Check(Train);
        time.Now += TimeSpan.FromSeconds(1);
        var afterLifetime = completion.ForPoll().Check(Train);

        Assert.Equal(TaskCompletion.FingerprintMatches, first);
        Assert.Equal(TaskCompletion.FingerprintMatches, withinLifetime);
        Assert.Equal(new TaskCompletion(CompletionKind.Stale, "stale: image wine/train-model:0.1 rebuilt"), afterLifetime);
        Assert.Equal([Image, Image], asked);
    }

    private sealed class SettableTimeProvider : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
