using WinePipeline.StepKit;

namespace WinePipeline.Steps.MakeDataset;

/// <summary>The size of the sequential test split: the first floor(n/10) rows.</summary>
public static class SequentialSplit
{
    /// <summary>The fewest rows that still give the test split one row.</summary>
    public const int SmallestSplit = 10;

    public static long TestSize(string path, long rows, int minimumRows) =>
        rows >= minimumRows
            ? rows / 10
            : throw InvalidInputException.Invalid(path, $"too small for a test split: {rows} data rows, at least {minimumRows} needed (--min-rows)");
}
