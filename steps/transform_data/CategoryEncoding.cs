using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.TransformData;

/// <summary>One <see cref="OrdinalEncoder"/> per categorical column, fitted on the training set.</summary>
public sealed class CategoryEncoding
{
    public static readonly IReadOnlyList<string> Columns = WineColumns.Categorical;

    private readonly OrdinalEncoder[] _encoders;

    private CategoryEncoding(OrdinalEncoder[] encoders) => _encoders = encoders;

    /// <summary>Fits the codes in one pass over the training file.</summary>
    public static CategoryEncoding Fit(string trainPath, StepContext context)
    {
        var encoders = Columns.Select(_ => new OrdinalEncoder()).ToArray();
        FittingPass.Run(trainPath, Columns, "category codes", context, (_, record, columns) =>
        {
            for (var i = 0; i < columns.Length; i++)
            {
                encoders[i].Fit(record[columns[i]]);
            }
        });
        return new CategoryEncoding(encoders);
    }

    /// <summary>A mapper that encodes the categorical columns of <paramref name="reader"/>'s file and keeps the others.</summary>
    public IRowMapper MapperFor(CsvTableReader reader) => new Mapper(this, Columns.Select(reader.ColumnIndex).ToArray(), reader.Header);

    private sealed class Mapper(CategoryEncoding encoding, int[] columns, IReadOnlyList<string> header) : IRowMapper
    {
        public IReadOnlyList<string> OutputHeader { get; } = header;

        public string?[]? Map(CsvRecord record)
        {
            var row = record.Values;
            for (var i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = CsvNumbers.Format(encoding._encoders[i].Encode(row[columns[i]]));
            }

            return row;
        }
    }
}
