namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>Downloads whose outcome depends on seconds passing: they run alone, after the parallel
/// tests, so a busy thread pool (which also runs the in-process server) cannot stretch a pause past
/// the idle timeout they measure.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedDownloadCollection
{
    public const string Name = "Timed downloads";
}
