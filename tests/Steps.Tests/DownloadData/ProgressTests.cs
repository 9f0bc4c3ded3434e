using WinePipeline.Steps.DownloadData.Sources;

namespace WinePipeline.Steps.Tests.DownloadData;

public sealed class ProgressTests
{
    [Fact]
    public void Progress_lines_come_at_most_once_a_second_with_the_percentage_when_the_length_is_known()
    {
        var clock = new ManualClock();
        var progress = new DownloadProgress(totalBytes: 1000, new ProgressThrottle(clock));

        var early = progress.Add(100);
        clock.Advance(TimeSpan.FromMilliseconds(1200));
        var due = progress.Add(150);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var tooSoon = progress.Add(50);

        Assert.Null(early);
        Assert.Equal("downloaded 250 of 1,000 bytes (25%)", due);
        Assert.Null(tooSoon);
    }

    [Fact]
    public void Without_a_known_length_progress_counts_bytes_only()
    {
        var clock = new ManualClock();
        var progress = new DownloadProgress(totalBytes: null, new ProgressThrottle(clock));

        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("downloaded 2,048 bytes", progress.Add(2048));
        Assert.Equal("downloaded 2,048 bytes from http://x/y.csv", progress.Summary("http://x/y.csv"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
