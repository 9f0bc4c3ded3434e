using CommandLine;

namespace WinePipeline.StepKit.Options;

/// <summary>Options every step has: where its outputs go.</summary>
public abstract class StepOptions
{
    [Option("out-dir", Required = true, HelpText = "Folder the outputs are written to (created if missing).")]
    public string OutDir { get; set; } = string.Empty;

    /// <summary>Checks the values together, before the step starts; throws a <see cref="UsageException"/>.</summary>
    public virtual void Validate()
    {
        if (OutDir.Length == 0)
        {
            throw UsageException.Empty("--out-dir");
        }
    }
}

/// <summary>Options of a step that marks completion with a SUCCESS flag file.</summary>
public abstract class FlaggedStepOptions : StepOptions
{
    [Option("flag", HelpText = "Name of the SUCCESS flag written in --out-dir after every output is in place; none if omitted.")]
    public string? Flag { get; set; }

    public override void Validate()
    {
        base.Validate();
        if (Flag is not null)
        {
            OptionChecks.PlainFileName("--flag", Flag);
            // The flag is deleted before the outputs move and then rewritten empty: it must not be a data file.
            var path = Path.Combine(OutDir, Flag);
            if (Directory.Exists(path) || (File.Exists(path) && new FileInfo(path).Length > 0))
            {
                throw new UsageException($"--flag '{Flag}' names {path}, which is not a flag (an empty file); refusing to replace it");
            }
        }
    }
}

/// <summary>Options of the steps that transform a train and a test CSV side by side.</summary>
public class TrainTestStepOptions : FlaggedStepOptions
{
    [Option("in-train-csv", Required = true, HelpText = "The training set CSV.")]
    public string InTrainCsv { get; set; } = string.Empty;

    [Option("in-test-csv", Required = true, HelpText = "The test set CSV.")]
    public string InTestCsv { get; set; } = string.Empty;
}
