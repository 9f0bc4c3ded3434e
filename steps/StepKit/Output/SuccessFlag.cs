namespace WinePipeline.StepKit.Output;

/// <summary>The SUCCESS flag: an empty file whose presence says a step's outputs are complete.</summary>
public static class SuccessFlag
{
    public static void Write(string path)
    {
        var temporary = $"{path}.partial-{Environment.ProcessId}";
        File.WriteAllBytes(temporary, []);
        File.Move(temporary, path, overwrite: true);
    }

    public static bool Exists(string path) => File.Exists(path);
}
