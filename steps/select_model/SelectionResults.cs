using System.Globalization;
using System.Text.Json;
using WinePipeline.StepKit.Csv;
using WinePipeline.StepKit.Forest;

namespace WinePipeline.Steps.SelectModel;

/// <summary>results.csv and results.json: every variant in the order given, its settings, validation
/// scores, fit time and peak memory, whether it was chosen, and why a failed one was skipped.</summary>
public sealed record SelectionResults(IReadOnlyList<Variant> Variants, Variant Chosen)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static IReadOnlyList<string> CsvHeader { get; } =
    [
        "variant", "status", "chosen", .. ForestSettings.All.Select(s => s.Name.Replace('-', '_')),
        "validation_mse", "validation_rmse", "validation_mae", "validation_r2", "validation_rows",
        "training_rows", "training_seconds", "peak_rss_mb", "failure",
    ];

    public void WriteCsv(string path)
    {
        using var writer = new CsvTableWriter(path, CsvHeader);
        foreach (var variant in Variants)
        {
            writer.WriteRow(CsvRow(variant));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        chosen = Chosen.Id,
        variants = Variants.Where(v => v.Succeeded).Select(v => new
        {
            id = v.Id,
            folder = v.Folder,
            chosen = v == Chosen,
            @params = v.Report!.Params,
            validation = v.Report.Validation,
            trainingRows = v.Report.TrainingRows,
            trainingSeconds = v.Report.TrainingSeconds,
            peakRssBytes = v.Report.PeakRssBytes,
        }),
        failed = Variants.Where(v => !v.Succeeded).Select(v => new { id = v.Id, folder = v.Folder, reason = v.Failure }),
    }, Json);

    private string?[] CsvRow(Variant variant)
    {
        if (variant.Report is not { } report)
        {
            return [variant.Id, "failed", "no", .. new string?[CsvHeader.Count - 4], variant.Failure];
        }

        var scores = report.Validation;
        return
        [
            variant.Id, "succeeded", variant == Chosen ? "yes" : "no",
            .. ForestSettings.All.Select(s => s.Format(report.Params)),
            CsvNumbers.Format(scores.Mse), CsvNumbers.Format(scores.Rmse), CsvNumbers.Format(scores.Mae), CsvNumbers.Format(scores.R2),
            CsvNumbers.Format(scores.Rows), CsvNumbers.Format(report.TrainingRows),
            report.TrainingSeconds.ToString("F3", CultureInfo.InvariantCulture),
            report.PeakRssBytes is { } bytes ? (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture) : null,
            null,
        ];
    }
}
