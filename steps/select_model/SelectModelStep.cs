using System.Globalization;
using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Output;
using WinePipeline.StepKit.Forest;

namespace WinePipeline.Steps.SelectModel;

/// <summary>
/// Compares the variants trained by train_model --validation-fraction on their validation scores,
/// chooses one (<see cref="ModelChoice"/>) and writes the comparison and chosen.json, the chosen
/// settings in --params-file form so that a later task can retrain them on the full training set.
/// </summary>
public static class SelectModelStep
{
    public const string ResultsCsvFile = "results.csv";
    public const string ResultsJsonFile = "results.json";
    public const string ComparisonPlotFile = "Comparison.png";
    public const string ChosenFile = "chosen.json";

    public static int Main(string[] args) => StepHost.RunConsole<SelectModelOptions>("select_model", args, Run);

    public static void Run(SelectModelOptions options, StepContext context)
    {
        var variants = options.InVariants.Select(Variant.Read).Concat(Variant.FailedInRun(Environment.GetEnvironmentVariable("ORCHESTRATOR_FAILED_VARIANTS"))).ToList();
        if (variants.GroupBy(v => v.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidInputException(
                $"the variant folders {string.Join(" and ", clash.Select(v => v.Folder))} have the same name '{clash.Key}'; a variant is known by its folder's name");
        }

        foreach (var failed in variants.Where(v => !v.Succeeded))
        {
            context.Error.WriteLine($"{context.StepName}: warning: skipping variant {failed.Id} ({failed.Folder}): {failed.Failure}");
        }

        var succeeded = variants.Where(v => v.Succeeded).ToList();
        if (succeeded.Count == 0)
        {
            throw new InvalidInputException($"none of the {variants.Count} variants succeeded, so there is nothing to choose from");
        }

        var chosen = ModelChoice.Choose(succeeded);
        var results = new SelectionResults(variants, chosen);
        context.Cancellation.ThrowIfCancellationRequested();

        using var outputs = new StagedOutputs(options.OutDir);
        results.WriteCsv(outputs.Stage(ResultsCsvFile));
        File.WriteAllText(outputs.Stage(ResultsJsonFile), results.ToJson());
        ComparisonChart.Save(outputs.Stage(ComparisonPlotFile), succeeded, chosen);
        File.WriteAllText(outputs.Stage(ChosenFile), ForestSettingsFile.ToJson(chosen.Report!.Params));
        outputs.Commit(options.Flag);

        context.Log(string.Create(CultureInfo.InvariantCulture,
            $"compared {succeeded.Count} of {variants.Count} variants; chose {chosen.Id} (validation mse {chosen.Report.Validation.Mse:F4}, trained in {chosen.Report.TrainingSeconds:F2} s): {chosen.Report.Params}"));
    }
}
