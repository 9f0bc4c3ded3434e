namespace Orchestrator.Definition;

/// <summary>How definition errors start: "pipeline.yaml:12: task Train" or "task Train".</summary>
internal static class Problems
{
    public static string At(TaskSpec task) => task.Source is null ? $"task {task.Id}" : $"{task.Source}: task {task.Id}";
}

internal static class TaskIds
{
    public static bool IsValid(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '[' or ']' or '=' or ',') && id is not ("." or "..");
}

/// <summary>Paths relative to the data root, with '/' separators, that cannot leave it.</summary>
internal static class DataPaths
{
    public static bool IsRelative(string path, bool allowEmpty) =>
        path.Length == 0 ? allowEmpty
        : !Path.IsPathRooted(path) && !path.Contains('\\') && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    public static string Combine(string directory, string file) => directory.Length == 0 ? file : $"{directory.TrimEnd('/')}/{file}";
}
