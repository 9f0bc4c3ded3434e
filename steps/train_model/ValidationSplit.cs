using System.Globalization;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;

namespace WinePipeline.Steps.TrainModel;

/// <summary>The validation mode's split (PIPELINE_SPEC, Validation split): the last share of the
/// training rows in file order are scored, the rows before them trained on. Model choice then never
/// looks at the test set.</summary>
public static class ValidationSplit
{
    public static (FeatureTable Training, FeatureTable Validation) Of(FeatureTable table, double fraction, string featuresPath)
    {
        var validationRows = (int)Math.Floor(table.Rows * fraction);
        var trainingRows = table.Rows - validationRows;
        if (validationRows == 0 || trainingRows == 0)
        {
            throw InvalidInputException.Invalid(featuresPath, string.Create(CultureInfo.InvariantCulture,
                $"--validation-fraction {fraction} of its {table.Rows} rows leaves {validationRows} to validate on and {trainingRows} to train on; both need at least one"));
        }

        return (table with { Features = table.Features[..trainingRows], Target = table.Target[..trainingRows] },
                table with { Features = table.Features[trainingRows..], Target = table.Target[trainingRows..] });
    }
}
