using Orchestrator.Fingerprints;
using Orchestrator.Graph;
using Orchestrator.Planning;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Fingerprints;

public class CodeIdentityTests
{
    private static readonly TaskDefinition Train =
        new("TrainModel", [], [TaskOutput.File("output/model.zip")], new Dictionary<string, string>()) { Image = "wine/train-model:0.1" };

    [Theory]
    [InlineData("sha256:old", nameof(CompletionKind.Complete), "fingerprint matches")]
    [InlineData("sha256:new", nameof(CompletionKind.Stale), "stale: image wine/train-model:0.1 rebuilt")]
    [InlineData(null, nameof(CompletionKind.Complete), "fingerprint matches")]
    public void Image_id_is_compared_when_the_engine_can_tell_it(string? currentId, string kindName, string reason)
    {
        using var dataRoot = new TempDirectory();
        Directory.CreateDirectory(dataRoot.Combine("output"));
        File.WriteAllText(dataRoot.Combine("output", "model.zip"), "model");
        var hashes = ContentHashes.Load(dataRoot.Path);
        new FingerprintRecorder(dataRoot.Path, hashes).Record(Train, new CodeVersion(CodeVersion.Image, "wine/train-model:0.1", "sha256:old"), new Dictionary<string, string>());
        var completion = new FingerprintCompletion(dataRoot.Path, hashes, new CodeVersionLookup(hashes, _ => currentId));

        var checkedState = completion.Check(Train);

        Assert.Equal(new TaskCompletion(Enum.Parse<CompletionKind>(kindName), reason), checkedState);
    }

    [Fact]
    public void Unchanged_file_is_hashed_from_the_cache_without_reading_it()
    {
        using var dataRoot = new TempDirectory();
        var file = dataRoot.Combine("big.csv");
        File.WriteAllText(file, "content");
        var first = ContentHashes.Load(dataRoot.Path);
        var hash = first.Of(file);
        first.Save();
        var modified = File.GetLastWriteTimeUtc(file);
        // Same size and time, other bytes: only a cache hit can still give the old hash.
        File.WriteAllText(file, "CONTENT");
        File.SetLastWriteTimeUtc(file, modified);

        var cached = ContentHashes.Load(dataRoot.Path).Of(file);

        Assert.Equal(hash, cached);
        Assert.NotEqual(hash, ContentHashes.Compute(file));
    }
}
