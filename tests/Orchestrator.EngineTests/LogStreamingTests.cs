using System.Text;
using Orchestrator.EngineTests.Fixtures;
using Orchestrator.Execution;
using Orchestrator.Execution.Docker.Internal;

namespace Orchestrator.EngineTests;

[Collection(EngineCollection.Name)]
[Trait("Category", "Engine")]
public sealed class LogStreamingTests(EngineFixture engine)
{
    private const string LongLine = "head -c 100000 /dev/zero | tr '\\0' x; echo";

    [Fact]
    public async Task Every_line_of_2000_on_both_streams_arrives_in_order_including_a_last_line_without_newline()
    {
        using var executor = EngineFixture.Executor(engine.NewDataRoot());
        var script =
            "i=1; while [ $i -le 2000 ]; do echo \"out $i é\"; echo \"err $i ✓\" >&2; i=$((i+1)); done; " +
            $"{LongLine}; printf 'out last'; printf 'err last' >&2";
        var log = new RecordingLog();

        var result = await executor.ExecuteAsync(engine.Invocation("Chatty", script), log, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [.. Enumerable.Range(1, 2000).Select(i => $"out {i} é"), new string('x', 100_000), "out last"],
            log.Of(LogStream.Stdout));
        Assert.Equal([.. Enumerable.Range(1, 2000).Select(i => $"err {i} ✓"), "err last"], log.Of(LogStream.Stderr));
    }

    [Fact]
    public void Lines_and_characters_split_across_reads_are_reassembled()
    {
        var log = new RecordingLog();
        var decoder = new LogLineDecoder(LogStream.Stdout, log);

        foreach (var oneByte in Encoding.UTF8.GetBytes("é first\r\n🍷 second\n\nlast ✓"))
        {
            decoder.Write([oneByte]);
        }

        decoder.Complete();
        Assert.Equal(["é first", "🍷 second", "", "last ✓"], log.Of(LogStream.Stdout));
    }
}
