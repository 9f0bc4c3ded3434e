namespace Orchestrator.Execution;

/// <summary>
/// One attempt's log: every line goes to its own file and is echoed live to the console prefixed
/// with the task id ("[TrainModel] ..."). Stderr lines are marked in the file.
/// </summary>
internal sealed class TaskLogFile : ITaskLog, IDisposable
{
    private readonly string taskId;
    private readonly StreamWriter file;
    private readonly TextWriter console;

    private TaskLogFile(string taskId, string path, TextWriter console)
    {
        this.taskId = taskId;
        this.console = console;
        Path = path;
        file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public static TaskLogFile Create(string logDirectory, string taskId, int attempt, TextWriter console)
    {
        Directory.CreateDirectory(logDirectory);
        return new TaskLogFile(taskId, System.IO.Path.Combine(logDirectory, $"{taskId}.{attempt}.log"), console);
    }

    public void Line(LogStream stream, string text)
    {
        lock (file)
        {
            file.WriteLine(stream == LogStream.Stderr ? $"stderr: {text}" : text);
        }

        console.WriteLine($"[{taskId}] {text}");
    }

    public void Dispose() => file.Dispose();
}
