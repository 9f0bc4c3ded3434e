using WinePipeline.StepKit;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>The size of the sequential test split: the first floor(n/10) rows.</summary>
public static class SequentialSplit
{
    public const long MinimumRows = 10;

    public static long TestSize(string path, long rows) =>
        rows >= MinimumRows
            ? rows / 10
            : throw InvalidInputException.Invalid(path, $"too small for a test split: {rows} data rows, at least {MinimumRows} needed");
}
