namespace Orchestrator.Execution;

/// <summary>
/// One attempt's log: every line goes to its own file and is echoed live to the console prefixed
/// with the task id ("[TrainModel] ..."). Stderr lines are marked in the file. A log that cannot be
/// written (a full disk) is said once on the console, and its lines still reach the console.
/// </summary>
internal sealed class TaskLogFile : ITaskLog, IDisposable
{
    private readonly string taskId;
    private readonly TextWriter console;
    private readonly Lock gate = new();
    private StreamWriter? file;

    private TaskLogFile(string taskId, string path, TextWriter console)
    {
        this.taskId = taskId;
        this.console = console;
        Path = path;
        Guard(() =>
        {
            var runFolder = System.IO.Path.GetDirectoryName(path)!;
            Posix.PrivateDirectory.Create(System.IO.Path.GetDirectoryName(runFolder)!);
            Posix.PrivateDirectory.Create(runFolder);
            file = new StreamWriter(path, append: false) { AutoFlush = true };
        });
    }

    public string Path { get; }

    public static TaskLogFile Create(string logDirectory, string taskId, int attempt, TextWriter console) =>
        new(taskId, System.IO.Path.Combine(logDirectory, $"{taskId}.{attempt}.log"), console);

    public void Line(LogStream stream, string text)
    {
        lock (gate)
        {
            Guard(() => file?.WriteLine(stream == LogStream.Stderr ? $"stderr: {text}" : text));
        }

        console.WriteLine($"[{taskId}] {text}");
    }

    public void Dispose()
    {
        lock (gate)
        {
            Guard(() => file?.Dispose());
            file = null;
        }
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var broken = file;
            file = null;
            DisposeQuietly(broken);
            console.WriteLine($"orchestrator: warning: cannot write the log {Path} ({e.Message}); {taskId}'s lines go to the terminal only");
        }
    }

    // Disposing flushes, which fails again on a full disk; the handle is released either way.
    private static void DisposeQuietly(StreamWriter? broken)
    {
        try
        {
            broken?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
