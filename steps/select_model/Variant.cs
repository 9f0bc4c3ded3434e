using WinePipeline.StepKit;
using WinePipeline.StepKit.Forest;

namespace WinePipeline.Steps.SelectModel;

/// <summary>One variant given to select_model: its id (the folder's name), its folder, and either
/// its validation report or why it could not be used.</summary>
public sealed record Variant(string Id, string Folder, ValidationReport? Report, string? Failure)
{
    public bool Succeeded => Report is not null;

    /// <summary>Reads a variant's folder. A missing folder, report or model is not an error of the
    /// step: that variant failed (its training broke off or never ran) and is skipped.</summary>
    public static Variant Read(string folder)
    {
        // The orchestrator names a variant by its validation.json; the variant is the folder holding it.
        if (Path.GetFileName(folder) == TrainModelFiles.Validation)
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        }

        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)));
        if (!Directory.Exists(folder))
        {
            return Failed("folder not found");
        }

        if (!File.Exists(Path.Combine(folder, TrainModelFiles.Validation)))
        {
            return Failed($"no {TrainModelFiles.Validation} (its train_model --validation-fraction did not finish)");
        }

        if (!File.Exists(Path.Combine(folder, TrainModelFiles.Model)))
        {
            return Failed($"no {TrainModelFiles.Model} beside its {TrainModelFiles.Validation}");
        }

        try
        {
            return new Variant(id, folder, ValidationReport.Read(Path.Combine(folder, TrainModelFiles.Validation)), null);
        }
        catch (Exception e) when (e is InvalidInputException or IOException or UnauthorizedAccessException)
        {
            return Failed(e.Message);
        }

        Variant Failed(string reason) => new(id, folder, null, reason);
    }

    /// <summary>
    /// The variants the orchestrator left out of a join because they failed, from ORCHESTRATOR_FAILED_VARIANTS
    /// ("TrainVariant[leaves=500,trees=100],..."), known by their folder's name ("leaves=500,trees=100").
    /// </summary>
    public static IEnumerable<Variant> FailedInRun(string? failedVariants) =>
        (failedVariants ?? string.Empty).Split("],", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(task => task.TrimEnd(']'))
            .Select(task => task.IndexOf('[', StringComparison.Ordinal) is var bracket and >= 0 ? task[(bracket + 1)..] : task)
            .Select(id => new Variant(id, id, null, "failed in this run (left out by the orchestrator)"));
}
