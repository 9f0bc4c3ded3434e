using System.Text.Json;
using WinePipeline.StepKit.Forest;
using WinePipeline.Steps.SelectModel;
using WinePipeline.Steps.Tests.Charts;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.EvaluateModel;

namespace WinePipeline.Steps.Tests.SelectModel;

public sealed class SelectModelStepTests : IClassFixture<TrainedModelFixture>, IDisposable
{
    private const string Flag = ".SUCCESS_SelectModel";
    private readonly TempFolder _folder = new();
    private readonly TrainedModelFixture _model;
    private readonly VariantFolders _variants;

    public SelectModelStepTests(TrainedModelFixture model)
    {
        _model = model;
        _variants = new VariantFolders(_folder.Root, model.ModelPath);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_lowest_validation_mse_is_chosen_and_every_output_written()
    {
        var run = Select(_variants.Write("trees-50", mse: 4.9, seconds: 1.0, trees: 50),
                         _variants.Write("trees-100", mse: 4.7, seconds: 2.0, trees: 100),
                         _variants.Write("trees-200", mse: 4.8, seconds: 4.0, trees: 200)).Succeeded();

        Assert.Equal([Flag, SelectModelStep.ComparisonPlotFile, SelectModelStep.ChosenFile, SelectModelStep.ResultsCsvFile, SelectModelStep.ResultsJsonFile],
            _folder.OutputNames());
        Assert.Equal(ForestSettings.Default with { Trees = 100 }, ForestSettingsFile.Read(_folder.Output(SelectModelStep.ChosenFile), ForestSettings.Default));
        Assert.Equal("trees-100", ResultsJson().GetProperty("chosen").GetString());
        Assert.Contains("chose trees-100 (validation mse 4.7000, trained in 2.00 s)", run.Out);
        ChartPng.AssertValid(_folder.Output(SelectModelStep.ComparisonPlotFile), 900, 600);
    }

    [Fact]
    public void On_equal_mse_the_faster_variant_wins()
    {
        Select(_variants.Write("slow", mse: 4.7, seconds: 3.0), _variants.Write("fast", mse: 4.7, seconds: 1.5)).Succeeded();

        Assert.Equal("fast", ResultsJson().GetProperty("chosen").GetString());
    }

    [Fact]
    public void On_equal_mse_and_time_the_variant_given_first_wins()
    {
        Select(_variants.Write("b", mse: 4.7, seconds: 2.0), _variants.Write("a", mse: 4.7, seconds: 2.0)).Succeeded();

        Assert.Equal("b", ResultsJson().GetProperty("chosen").GetString());
    }

    [Fact]
    public void Failed_variants_are_reported_skipped_and_listed_with_the_reason()
    {
        var good = _variants.Write("good", mse: 4.7, seconds: 2.0);
        var noReport = _folder.PathOf("no-report");
        Directory.CreateDirectory(noReport);
        var noModel = _variants.Write("no-model", mse: 4.0, seconds: 1.0);
        File.Delete(Path.Combine(noModel, TrainModelFiles.Model));
        var damaged = _variants.Write("damaged", mse: 3.0, seconds: 1.0);
        File.WriteAllText(Path.Combine(damaged, TrainModelFiles.Validation), "{ \"params\": ");

        var run = Select(good, _folder.PathOf("missing"), noReport, noModel, damaged).Succeeded();

        Assert.Equal(4, run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("select_model: warning: skipping variant missing", run.Error);
        var results = ResultsJson();
        Assert.Equal("good", results.GetProperty("chosen").GetString());
        Assert.Equal(["good"], results.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
        var failed = results.GetProperty("failed").EnumerateArray().ToDictionary(v => v.GetProperty("id").GetString()!, v => v.GetProperty("reason").GetString()!);
        Assert.Equal(["missing", "no-report", "no-model", "damaged"], failed.Keys);
        Assert.Equal("folder not found", failed["missing"]);
        Assert.StartsWith("no validation.json", failed["no-report"]);
        Assert.StartsWith("no model.zip", failed["no-model"]);
        Assert.Contains("not a validation report written by train_model", failed["damaged"]);
    }

    [Fact]
    public void When_no_variant_succeeded_the_step_fails_and_writes_nothing()
    {
        var noModel = _variants.Write("no-model", mse: 4.0, seconds: 1.0);
        File.Delete(Path.Combine(noModel, TrainModelFiles.Model));

        var run = Select(_folder.PathOf("missing"), noModel);

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("select_model: error: none of the 2 variants succeeded, so there is nothing to choose from", run.Error.Trim());
        Assert.Empty(_folder.OutputNames());
    }

    [Fact]
    public void Results_csv_has_a_row_per_variant_in_the_order_given()
    {
        var noReport = _folder.PathOf("no-report");
        Directory.CreateDirectory(noReport);

        Select(_variants.Write("v1", mse: 4.9, seconds: 1.25, trees: 50), noReport, _variants.Write("v2", mse: 4.7, seconds: 2.5)).Succeeded();

        var (header, rows) = _folder.ReadOutput(SelectModelStep.ResultsCsvFile);
        Assert.Equal(
            ["variant", "status", "chosen", "trees", "leaves", "bins", "min_per_leaf", "bagging_fraction", "feature_fraction_per_split", "seed",
             "validation_mse", "validation_rmse", "validation_mae", "validation_r2", "validation_rows", "training_rows", "training_seconds", "peak_rss_mb", "failure"],
            header);
        Assert.Equal(["v1", "no-report", "v2"], rows.Select(r => r[0]));
        Assert.Equal(["succeeded", "failed", "succeeded"], rows.Select(r => r[1]));
        Assert.Equal(["no", "no", "yes"], rows.Select(r => r[2]));
        Assert.Equal<IEnumerable<string?>>(["v1", "succeeded", "no", "50", "1000", "256", "2", "0.632", "0.27", "42", "4.9"], rows[0][..11]);
        Assert.Equal<IEnumerable<string?>>(["90", "810", "1.250", "150.0", null], rows[0][14..]);
        Assert.StartsWith("no validation.json", rows[1][^1]);
    }

    [Fact]
    public void Two_variant_folders_with_the_same_name_are_refused()
    {
        var first = _variants.Write("v1", mse: 4.9, seconds: 1.0);
        var second = new VariantFolders(_folder.PathOf("elsewhere"), _model.ModelPath).Write("v1", mse: 4.8, seconds: 1.0);

        Select(first, second).FailedWithNoOutput(_folder, "have the same name 'v1'");
    }

    [Fact]
    public void Its_only_inputs_are_the_variant_folders()
    {
        var options = typeof(SelectModelOptions).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(CommandLine.OptionAttribute), true).OfType<CommandLine.OptionAttribute>().SingleOrDefault()?.LongName)
            .OfType<string>()
            .Order();

        Assert.Equal(["flag", "in-variant", "out-dir"], options);
    }

    private StepRun Select(params string[] variantFolders) =>
        StepRun.Of<SelectModelOptions>("select_model", SelectModelStep.Run,
            [.. variantFolders.SelectMany(f => new[] { "--in-variant", f }), "--out-dir", _folder.OutDir, "--flag", Flag]);

    private JsonElement ResultsJson() =>
        JsonDocument.Parse(File.ReadAllText(_folder.Output(SelectModelStep.ResultsJsonFile))).RootElement;
}
