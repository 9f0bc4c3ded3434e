namespace Orchestrator;

/// <summary>Ids of sweep variants: "Train[leaves=500,trees=100]", values in name order.</summary>
internal static class VariantIds
{
    public const string Every = "[*]";

    public static string Of(string task, IReadOnlyDictionary<string, string> values) => $"{task}[{Key(values)}]";

    /// <summary>"leaves=500,trees=100": the variant's folder under its task's output folder.</summary>
    public static string Key(IReadOnlyDictionary<string, string> values) =>
        string.Join(',', values.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    public static string Base(string id) => id.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0 ? id[..bracket] : id;

    /// <summary>Splits "Task.output" or "Task[k=v.1].output" at the dot after the task id.</summary>
    public static (string Task, string Output)? SplitReference(string reference)
    {
        var from = reference.LastIndexOf(']');
        var dot = reference.IndexOf('.', from < 0 ? 0 : from);
        return dot <= 0 || dot == reference.Length - 1 ? null : (reference[..dot], reference[(dot + 1)..]);
    }
}
