using WinePipeline.StepKit.Hosting;
using WinePipeline.StepKit.Options;
using WinePipeline.Steps.CleanData;
using WinePipeline.Steps.ExtractFeatures;
using WinePipeline.Steps.ImputeData;
using WinePipeline.Steps.TransformData;

namespace WinePipeline.Steps.Tests.DataSteps;

/// <summary>Input files the four train/test steps must refuse, on either side: exit 1, one stderr
/// line naming the file, and nothing left in the out-dir.</summary>
public sealed class TrainTestStepsBadInputTests : IDisposable
{
    private static readonly Dictionary<string, TrainTestStep> Steps = new[]
    {
        new TrainTestStep("clean_data", CleanDataStep.Run, ".SUCCESS_CleanData",
            "country,designation,points,price,region_2,taster_twitter_handle,title,winery", "Italy,,87,,,,T1,"),
        new TrainTestStep("transform_data", TransformDataStep.Run, ".SUCCESS_TransformData",
            "country,points,price,province,region_1,taster_name,variety,year", "US,87,15,Oregon,Willamette,Paul,Pinot Noir,2013"),
        new TrainTestStep("extract_features", ExtractFeaturesStep.Run, ".SUCCESS_ExtractFeatures",
            "country,description,points,title,variety", "Italy,Red,87,T,V"),
        new TrainTestStep("impute_data", ImputeDataStep.Run, ".SUCCESS_ImputeData",
            "country,points,price,province,region_1,taster_name,variety,is_red,is_white,is_rose,is_sparkling,is_dry,is_sweet,year,is_blend",
            "2,87,10,1,3,1,1,1,0,0,0,1,0,2010,0"),
    }.ToDictionary(s => s.Name);

    private readonly TempFolder _folder = new();

    public static TheoryData<string, string> StepsAndSides()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in Steps.Keys)
        {
            data.Add(step, "train.csv");
            data.Add(step, "test.csv");
        }

        return data;
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(StepsAndSides))]
    public void An_empty_file_is_refused(string step, string badFile)
    {
        var bad = _folder.Write(badFile);

        RunWith(step, badFile, bad).FailedWithNoOutput(_folder, bad, "empty");
    }

    [Theory]
    [MemberData(nameof(StepsAndSides))]
    public void A_header_only_file_is_refused(string step, string badFile)
    {
        var bad = _folder.Write(badFile, Steps[step].Header);

        RunWith(step, badFile, bad).FailedWithNoOutput(_folder, bad, "no rows");
    }

    [Theory]
    [MemberData(nameof(StepsAndSides))]
    public void A_missing_input_file_is_refused(string step, string badFile)
    {
        var missing = _folder.PathOf(badFile);

        RunWith(step, badFile, missing).FailedWithNoOutput(_folder, missing, "not found");
    }

    [Theory]
    [MemberData(nameof(StepsAndSides))]
    public void A_column_named_twice_is_refused(string step, string badFile)
    {
        var bad = _folder.Write(badFile, Steps[step].Header + ",points", Steps[step].Row + ",88");

        RunWith(step, badFile, bad).FailedWithNoOutput(_folder, bad, "column 'points' appears twice in the header");
    }

    /// <summary>A value passed through untouched is still checked by its column's name, so that
    /// no step forwards what a later one would have to refuse.</summary>
    [Theory]
    [MemberData(nameof(StepsAndSides))]
    public void Points_out_of_range_are_refused_even_by_a_step_that_only_passes_them_on(string step, string badFile)
    {
        var header = Steps[step].Header.Split(',');
        var row = Steps[step].Row.Split(',');
        row[Array.IndexOf(header, "points")] = "1000";
        var bad = _folder.Write(badFile, Steps[step].Header, string.Join(',', row));

        RunWith(step, badFile, bad).FailedWithNoOutput(_folder, $"{bad}: row 1 (line 2), column 'points': 1000 is out of range (expected an integer from 80 to 100)");
    }

    /// <summary>Runs the step with <paramref name="badPath"/> on the <paramref name="badFile"/> side
    /// and a valid one-row file on the other.</summary>
    private StepRun RunWith(string stepName, string badFile, string badPath)
    {
        var step = Steps[stepName];
        var goodFile = badFile == "train.csv" ? "test.csv" : "train.csv";
        var good = _folder.Write(goodFile, step.Header, step.Row);
        var (train, test) = badFile == "train.csv" ? (badPath, good) : (good, badPath);
        return StepRun.Of<TrainTestStepOptions>(step.Name, step.Run, StepRun.In2024,
            "--in-train-csv", train, "--in-test-csv", test, "--out-dir", _folder.OutDir, "--flag", step.Flag);
    }

    private sealed record TrainTestStep(
        string Name, Action<TrainTestStepOptions, StepContext> Run, string Flag, string Header, string Row);
}
