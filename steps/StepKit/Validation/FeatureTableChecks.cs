using System.Globalization;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.StepKit.Validation;

/// <summary>What a features/target pair must hold before a model is fitted or scored on it.</summary>
public static class FeatureTableChecks
{
    /// <summary>At least <paramref name="minimum"/> rows; <paramref name="purpose"/> says what for.</summary>
    public static void RequireRows(FeatureTable table, string featuresPath, int minimum, string purpose)
    {
        if (table.Rows < minimum)
        {
            throw InvalidInputException.Invalid(featuresPath,
                $"{table.Rows} rows, fewer than the {minimum} needed {purpose} (--min-rows)");
        }
    }

    /// <summary>At least two distinct target values: a constant target gives a 'perfect' model that learnt nothing.</summary>
    public static void RequireVaryingTarget(FeatureTable table, string targetPath)
    {
        if (table.Rows > 0 && table.Target.All(t => t == table.Target[0]))
        {
            throw InvalidInputException.Invalid(targetPath, string.Create(CultureInfo.InvariantCulture,
                $"all {table.Rows} rows have {WineColumns.Target} {table.Target[0]}; a model cannot learn from a constant target"));
        }
    }
}
