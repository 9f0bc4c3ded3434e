using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.ImputeData;

/// <summary>The fill value of every feature column, fitted on the training set, and the writing of
/// the features and target files.</summary>
public sealed class Imputation
{
    /// <summary>Unknown tasters get their own code; ordinal codes start at 1 and unseen ones are -1.</summary>
    public const double UnknownTaster = 0;

    public static readonly IReadOnlyList<string> RequiredColumns = [.. WineColumns.Features, WineColumns.Target];

    private readonly double?[] _fill;

    private Imputation(double?[] fill) => _fill = fill;

    /// <summary>How each of <see cref="WineColumns.Features"/> is filled.</summary>
    public static FillRule RuleFor(string column) => column switch
    {
        WineColumns.TasterName => new ConstantFill(UnknownTaster),
        WineColumns.Price or WineColumns.Year => new MedianFill(),
        WineColumns.Country or WineColumns.Province or WineColumns.Region1 or WineColumns.Variety => new MostFrequentFill(),
        _ => new NoFill(),
    };

    /// <summary>Fits the fill values in one pass over the training file.</summary>
    public static Imputation Fit(string trainPath, StepContext context)
    {
        var rules = WineColumns.Features.Select(RuleFor).ToArray();
        FittingPass.Run(trainPath, WineColumns.Features, "fill values", context, (reader, record, columns) =>
        {
            for (var i = 0; i < columns.Length; i++)
            {
                if (reader.ParseNumber(record, columns[i]) is { } value)
                {
                    rules[i].Observe(value);
                }
            }
        });
        return new Imputation(rules.Select((rule, i) => rule.FillValue(trainPath, WineColumns.Features[i])).ToArray());
    }

    /// <summary>Writes the filled feature columns and the target column of <paramref name="reader"/>'s file.</summary>
    public void Write(CsvTableReader reader, string featuresPath, string targetPath, StepContext context)
    {
        var columns = WineColumns.Features.Select(reader.ColumnIndex).ToArray();
        var target = reader.ColumnIndex(WineColumns.Target);
        long rows = 0;
        using (var features = new CsvTableWriter(featuresPath, WineColumns.Features))
        using (var targets = new CsvTableWriter(targetPath, [WineColumns.Target]))
        {
            var row = new string?[columns.Length];
            foreach (var record in reader.ReadRecords())
            {
                context.Cancellation.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Length; i++)
                {
                    row[i] = CsvNumbers.Format(reader.ParseNumber(record, columns[i]) ?? _fill[i]);
                }

                features.WriteRow(row);
                targets.WriteRow([CsvNumbers.Format(reader.ParseNumber(record, target) ?? throw MissingTarget(reader.Path, record))]);
                rows++;
            }
        }

        context.Log($"{reader.Path}: wrote {rows} rows of features and target");
    }

    private static InvalidInputException MissingTarget(string path, CsvRecord record) =>
        InvalidInputException.Invalid(path, $"row {record.Row} (line {record.Line}), column '{WineColumns.Target}': the target is missing");
}
