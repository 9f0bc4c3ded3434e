using System.Globalization;
using WinePipeline.Orchestrator.History;

namespace WinePipeline.Orchestrator.Cli;

/// <summary>`history`: the runs table, latest first, or two runs' metrics side by side with deltas.</summary>
internal sealed class HistoryCommand(CliEnvironment environment)
{
    private TextWriter Out => environment.Out;

    public int Execute(HistoryOptions options)
    {
        if (options.Limit < 1)
        {
            throw UsageException.OutOfRange("limit", options.Limit, 1);
        }

        var history = RunHistory.Open(Path.GetFullPath(options.DataRoot, environment.CurrentDirectory));
        var compare = options.Compare.ToList();
        if (compare.Count == 2)
        {
            WriteComparison(Find(history, compare[0]), Find(history, compare[1]));
        }
        else
        {
            WriteRuns(history.Runs(options.Limit));
        }

        return ExitCodes.Success;
    }

    private static RunRecord Find(RunHistory history, string runId) =>
        history.Run(runId) ?? throw UsageException.ParseError($"no run '{runId}' in the history; `orchestrator history` lists them");

    private void WriteRuns(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0)
        {
            Out.WriteLine("no runs recorded yet");
            return;
        }

        const string Row = "{0,-20} {1,-8} {2,-20} {3,9} {4,-13} {5,10} {6,8}";
        Out.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "RUN", "TRIGGER", "STARTED", "DURATION", "OUTCOME", "MSE", "R2"));
        foreach (var run in runs)
        {
            Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture, Row, run.Id, run.Trigger, $"{run.Started:yyyy-MM-dd HH:mm:ss}",
                run.Duration is { } duration ? $"{duration.TotalSeconds:0.0}s" : "-", run.Outcome, Number(run.Mse), Number(run.R2)));
        }
    }

    private void WriteComparison(RunRecord a, RunRecord b)
    {
        var left = RunMetrics.Parse(a.Metrics);
        var right = RunMetrics.Parse(b.Metrics);
        var names = left.Keys.Union(right.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            Out.WriteLine($"neither {a.Id} nor {b.Id} recorded metrics (only runs where EvaluateModel ran do)");
            return;
        }

        const string Row = "{0,-8} {1,20} {2,20} {3,12}";
        Out.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "METRIC", a.Id, b.Id, "DELTA"));
        foreach (var name in names)
        {
            double? before = left.TryGetValue(name, out var l) ? l : null;
            double? after = right.TryGetValue(name, out var r) ? r : null;
            var delta = before is { } x && after is { } y ? (y - x).ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture) : "-";
            Out.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, name, Number(before), Number(after), delta));
        }
    }

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";
}
