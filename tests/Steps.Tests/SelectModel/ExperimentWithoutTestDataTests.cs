using System.Reflection;
using CommandLine;
using WinePipeline.StepKit.Forest;
using WinePipeline.Steps.SelectModel;
using WinePipeline.Steps.Tests.DataSteps;
using WinePipeline.Steps.Tests.Pipeline;
using WinePipeline.Steps.TrainModel;

namespace WinePipeline.Steps.Tests.SelectModel;

/// <summary>Model choice never looks at the test set (PIPELINE_SPEC, Validation split).</summary>
public sealed class ExperimentWithoutTestDataTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Variants_are_trained_scored_and_chosen_with_the_test_files_deleted_then_the_choice_is_retrained_on_every_row()
    {
        var pipeline = new SamplePipeline(_root).ExtractFeatures(rows: 2000).ImputeData();
        var testFiles = Directory.GetFiles(pipeline.Path("interim"), "test*");
        Assert.NotEmpty(testFiles);
        foreach (var file in testFiles)
        {
            File.Delete(file);
        }

        pipeline.Train("variants/trees-10", "--validation-fraction", "0.1", "--trees", "10", "--leaves", "50");
        pipeline.Train("variants/trees-40", "--validation-fraction", "0.1", "--trees", "40");
        StepRun.Of<SelectModelOptions>("select_model", SelectModelStep.Run,
            "--in-variant", pipeline.Path("variants/trees-10"), "--in-variant", pipeline.Path("variants/trees-40"),
            "--out-dir", pipeline.Path("selection")).Succeeded();
        var retrain = pipeline.Train("output", "--params-file", pipeline.Path($"selection/{SelectModelStep.ChosenFile}"));

        var chosen = ForestSettingsFile.Read(pipeline.Path($"selection/{SelectModelStep.ChosenFile}"), ForestSettings.Default);
        var variant = ValidationReport.Read(pipeline.Path($"variants/trees-{chosen.Trees}/{TrainModelFiles.Validation}"));
        var everyTrainingRow = variant.TrainingRows + variant.Validation.Rows;
        Assert.Contains($"read {everyTrainingRow} rows", retrain.Out);
        Assert.Contains(chosen.ToString(), retrain.Out);
        Assert.Equal([TrainModelFiles.Model], Directory.GetFiles(pipeline.Path("output")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(pipeline.Path("interim"), "test*"));
    }

    [Theory]
    [InlineData(typeof(TrainModelOptions))]
    [InlineData(typeof(SelectModelOptions))]
    public void The_steps_that_train_and_choose_take_no_test_data_option(Type options)
    {
        var names = options.GetProperties().Select(p => p.GetCustomAttribute<OptionAttribute>()?.LongName).OfType<string>().ToList();

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, name => name.Contains("test", StringComparison.OrdinalIgnoreCase));
    }
}
