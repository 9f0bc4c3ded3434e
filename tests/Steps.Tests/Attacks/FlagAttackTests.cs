using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.EvaluateModel;
using WinePipeline.Steps.MakeDataset;
using WinePipeline.Steps.Tests.DataSteps;

namespace WinePipeline.Steps.Tests.Attacks;

/// <summary>A step run alone with a --flag that would leave its out-dir, or replace a data file:
/// a one-line usage error, exit 2, and nothing written anywhere.</summary>
public sealed class FlagAttackTests : IDisposable
{
    private const string CleanHeader = "country,designation,points,price,region_2,taster_twitter_handle,title,winery";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("../../escaped_flag")]
    [InlineData("/tmp/stepshard-absolute-flag")]
    [InlineData("sub/.SUCCESS_CleanData")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("back\\slash")]
    public void A_flag_that_is_not_a_plain_file_name_is_a_usage_error(string flag)
    {
        var run = Clean(flag);

        run.FailedWithUsageError(_folder);
        Assert.Equal($"clean_data: error: --flag '{flag}' must be a plain file name inside --out-dir, without folders (--help lists the options)", run.ErrorLine());
        Assert.False(flag.Length > 2 && File.Exists(Path.GetFullPath(Path.Combine(_folder.OutDir, flag))), "a flag was written outside --out-dir");
    }

    [Theory]
    [InlineData("make_dataset")]
    [InlineData("evaluate_model")]
    public void Every_flagged_step_refuses_an_escaping_flag(string step)
    {
        string[] args = ["--out-dir", _folder.OutDir, "--flag", "../escaped_flag"];
        var run = step == "make_dataset"
            ? StepRun.Of<MakeDatasetOptions>(step, MakeDatasetStep.Run, [.. args, "--in-csv", _folder.PathOf("raw.csv")])
            : StepRun.Of<EvaluateModelOptions>(step, EvaluateModelStep.Run,
                [.. args, "--in-test-features-csv", "f.csv", "--in-test-target-csv", "t.csv", "--in-trained-model", "m.zip"]);

        run.FailedWithUsageError(_folder, $"{step}: error: --flag '../escaped_flag' must be a plain file name inside --out-dir");
        Assert.False(File.Exists(_folder.PathOf("escaped_flag")));
    }

    [Fact]
    public void A_flag_naming_an_existing_data_file_is_refused_and_the_file_kept()
    {
        Directory.CreateDirectory(_folder.OutDir);
        var input = Path.Combine(_folder.OutDir, "train.csv");
        File.WriteAllLines(input, [CleanHeader, "Italy,,87,,,,T1,"]);
        var before = File.ReadAllBytes(input);

        var run = StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run,
            "--in-train-csv", input, "--in-test-csv", input, "--out-dir", _folder.OutDir, "--flag", "train.csv");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"clean_data: error: --flag 'train.csv' names {input}, which is not a flag (an empty file); refusing to replace it (--help lists the options)", run.ErrorLine());
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Equal(["train.csv"], _folder.OutputNames());
    }

    [Fact]
    public void A_flag_named_like_an_output_is_refused_before_anything_moves()
    {
        var run = Clean(CleanDataStep.TrainFile);

        run.FailedWithUsageError(_folder,
            $"clean_data: error: --flag '{CleanDataStep.TrainFile}' is the name of one of this step's outputs; the flag would replace it");
    }

    [Fact]
    public void The_real_program_reports_an_escaping_flag_in_one_line_with_exit_2()
    {
        var (exitCode, output, error) = StepProgram.Run("clean_data",
            "--in-train-csv", "train.csv", "--in-test-csv", "test.csv", "--out-dir", _folder.OutDir, "--flag", "../../x");

        Assert.Equal(2, exitCode);
        Assert.Equal("clean_data: error: --flag '../../x' must be a plain file name inside --out-dir, without folders (--help lists the options)\n", error);
        Assert.Empty(output);
    }

    private StepRun Clean(string flag)
    {
        var train = _folder.Write("train.csv", CleanHeader, "Italy,,87,,,,T1,");
        return StepRun.Of<TrainTestStepOptions>("clean_data", CleanDataStep.Run,
            "--in-train-csv", train, "--in-test-csv", train, "--out-dir", _folder.OutDir, "--flag", flag);
    }
}
