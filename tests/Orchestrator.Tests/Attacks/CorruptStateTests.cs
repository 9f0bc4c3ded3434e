using System.Text.Json;
using Orchestrator.Locking;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Attacks;

/// <summary>
/// The orchestrator's own state tampered with or broken between runs: the hash cache, the lock holder
/// file, the history. None may stop the pipeline: at most one warning line, and results as a clean run's.
/// </summary>
[Trait("Category", "Attack")]
public sealed class CorruptStateTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string DataRoot => temp.Combine("data");

    private string State(string name) => Path.Combine(DataRoot, ".orchestrator", name);

    public static TheoryData<string, string> CorruptCaches => new()
    {
        { "null entry", """{"/x/numbers/all.txt": null}""" },
        { "entry without a hash", """{"/x/numbers/all.txt": {"Size": 1, "Modified": 2, "Sha256": null}}""" },
        { "null document", "null" },
        { "array", "[1, 2]" },
        { "garbage bytes", "\u00ff\u00fe\u0000{{{\u0001" },
        { "empty file", string.Empty },
    };

    [Theory]
    [MemberData(nameof(CorruptCaches))]
    public async Task A_corrupt_hash_cache_is_discarded_silently_and_rebuilt(string what, string content)
    {
        var expected = await CompleteRunAsync();
        File.WriteAllText(State("hash-cache.json"), content);
        File.Delete(Path.Combine(DataRoot, "numbers", "odds.txt"));

        var rerun = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.True(rerun.ExitCode == 0, $"{what}: {rerun}");
        Assert.Equal(string.Empty, rerun.Error);
        Assert.Equal("summary: 2 ran, 2 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(expected, NumbersPipeline.Results(DataRoot));
        Assert.NotEmpty(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllBytes(State("hash-cache.json")))!);
    }

    [Fact]
    public async Task A_folder_in_place_of_the_hash_cache_is_moved_aside_and_status_and_run_go_on()
    {
        var expected = await CompleteRunAsync();
        File.Delete(State("hash-cache.json"));
        Directory.CreateDirectory(Path.Combine(State("hash-cache.json"), "inner"));

        var status = await NumbersPipeline.InProcessAsync(NumbersPipeline.StatusArguments(DataRoot, "100"));
        var rerun = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(NumbersPipeline.Tasks, NumbersPipeline.Complete(status));
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(string.Empty, status.Error + rerun.Error);
        Assert.Equal("summary: 0 ran, 4 already complete, 0 failed", rerun.LastLine);
        Assert.True(File.Exists(State("hash-cache.json")));
        Assert.Single(Directory.GetDirectories(State(string.Empty), "hash-cache.json.not-a-file-*"));
        Assert.Equal(expected, NumbersPipeline.Results(DataRoot));
    }

    public static TheoryData<string> BrokenHolders => new() { "garbage", "folder", "symlink to a root file" };

    [Theory]
    [MemberData(nameof(BrokenHolders))]
    public async Task A_broken_lock_holder_file_neither_stops_the_run_nor_is_followed(string how)
    {
        var expected = await CompleteRunAsync();
        var holder = State("run.holder");
        var outside = temp.Combine("outside.txt");
        File.WriteAllText(outside, "not the orchestrator's");
        switch (how)
        {
            case "garbage":
                File.WriteAllBytes(holder, [0xff, 0x00, 0x7b]);
                break;
            case "folder":
                Directory.CreateDirectory(holder);
                break;
            default:
                File.CreateSymbolicLink(holder, outside);
                break;
        }

        File.Delete(Path.Combine(DataRoot, "report", "counts.json"));
        var rerun = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.True(rerun.ExitCode == 0, $"{how}: {rerun}");
        Assert.True(rerun.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 1, rerun.Error);
        Assert.Equal("summary: 1 ran, 3 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(expected, NumbersPipeline.Results(DataRoot));
        Assert.Equal("not the orchestrator's", File.ReadAllText(outside));
    }

    [Fact]
    public async Task Removing_the_lock_holder_file_during_a_run_lets_no_second_run_in()
    {
        await CompleteRunAsync();
        using var held = RunLock.Acquire(DataRoot, TimeProvider.System);
        File.Delete(State("run.holder"));

        var second = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));

        Assert.Equal(2, second.ExitCode);
        Assert.Equal($"orchestrator: error: another run is using data root {DataRoot} (holder unknown); wait for it to finish or stop it, then retry\n", second.Error);
        Assert.Equal(string.Empty, second.Out);
    }

    [Fact]
    public async Task A_corrupt_history_is_moved_aside_in_one_warning_and_the_run_goes_on()
    {
        var expected = await CompleteRunAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // as when that run's process ended: its WAL is merged and removed
        File.WriteAllBytes(State("history.db"), [.. "SQLite format 3\0"u8, .. Enumerable.Repeat((byte)0xAB, 4000)]);
        File.Delete(Path.Combine(DataRoot, "report", "counts.json"));

        var rerun = await NumbersPipeline.ProgramAsync(NumbersPipeline.RunArguments(DataRoot, "100"));
        var history = await NumbersPipeline.ProgramAsync(["history", "-f", NumbersPipeline.File, "--data-root", DataRoot]);

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var warning = Assert.Single(rerun.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"orchestrator: warning: {State("history.db")} was corrupt (", warning);
        Assert.Contains($"moved it to {State("history.db")}.corrupt-", warning);
        Assert.Single(Directory.GetFiles(State(string.Empty), "history.db.corrupt-*"));
        Assert.Equal("summary: 1 ran, 3 already complete, 0 failed", rerun.LastLine);
        Assert.Equal(expected, NumbersPipeline.Results(DataRoot));
        Assert.True(history.ExitCode == 0, history.ToString());
        var runs = history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Contains(" succeeded ", Assert.Single(runs));
    }

    public void Dispose() => temp.Dispose();

    private async Task<SortedDictionary<string, byte[]>> CompleteRunAsync()
    {
        var run = await NumbersPipeline.InProcessAsync(NumbersPipeline.RunArguments(DataRoot, "100"));
        Assert.True(run.ExitCode == 0, run.ToString());
        return NumbersPipeline.Results(DataRoot);
    }
}
