using System.Text.Json;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Csv;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.Pipeline;

namespace WinePipeline.Steps.Tests.DownloadData;

/// <summary>The 10,000-row sample is as hard as the real 10,000-row file: as many distinct values
/// per feature in the training set (within 15%), and a forest with the default settings explains
/// about as much of the test variance.</summary>
public sealed class SampleHardnessTests(SampleHardnessTests.TenThousandRows sample) : IClassFixture<SampleHardnessTests.TenThousandRows>
{
    [Theory]
    [InlineData(WineColumns.Country, 37)]
    [InlineData(WineColumns.Province, 236)]
    [InlineData(WineColumns.Region1, 699)]
    [InlineData(WineColumns.Variety, 325)]
    [InlineData(WineColumns.Price, 179)]
    [InlineData(WineColumns.Year, 33)]
    [InlineData(WineColumns.TasterName, 19)]
    public void The_training_set_has_about_as_many_distinct_values_as_the_real_one(string column, int real)
    {
        using var reader = CsvTableReader.Open(sample.Pipeline.Path($"interim/{ExtractFeaturesStep.TrainFile}"), column);
        var position = reader.ColumnIndex(column);
        var distinct = reader.ReadRecords().Select(r => r[position]).OfType<string>().Distinct().Count();

        Assert.InRange(distinct, real * 0.85, real * 1.15);
    }

    [Fact]
    public void The_default_forest_explains_between_30_and_60_percent_of_the_test_variance()
    {
        using var metrics = JsonDocument.Parse(File.ReadAllText(sample.Pipeline.Path($"output/{EvaluateModelStep.MetricsFile}")));

        Assert.InRange(metrics.RootElement.GetProperty("r2").GetDouble(), 0.3, 0.6);
    }

    /// <summary>The whole pipeline run once on sample://wine-reviews?rows=10000&amp;seed=42.</summary>
    public sealed class TenThousandRows : IDisposable
    {
        private readonly TempFolder _folder = new();

        public TenThousandRows()
        {
            Pipeline = new SamplePipeline(_folder).ExtractFeatures(rows: 10_000).ImputeData();
            Pipeline.Train("output");
            Pipeline.Evaluate();
        }

        public SamplePipeline Pipeline { get; }

        public void Dispose() => _folder.Dispose();
    }
}
