namespace WinePipeline.StepKit.Output;

/// <summary>
/// Outputs are written under temporary names and renamed into place only when the step has
/// finished, the SUCCESS flag last, so a failed or interrupted step never leaves anything that
/// could pass for a complete output.
/// </summary>
public sealed class StagedOutputs : IDisposable
{
    private readonly List<(string Temporary, string Final)> _files = [];
    private bool _committed;

    public StagedOutputs(string outDir)
    {
        OutDir = outDir;
        Directory.CreateDirectory(outDir);
    }

    public string OutDir { get; }

    /// <summary>A temporary path to write <paramref name="fileName"/> to; it becomes
    /// OutDir/fileName on <see cref="Commit"/>.</summary>
    public string Stage(string fileName)
    {
        var final = Path.Combine(OutDir, fileName);
        var temporary = Path.Combine(OutDir, $".{fileName}.partial-{Environment.ProcessId}");
        _files.Add((temporary, final));
        return temporary;
    }

    /// <summary>Moves every staged file into place, then writes the flag (relative to OutDir) if given.</summary>
    public void Commit(string? flag)
    {
        var flagPath = flag is null ? null : Path.Combine(OutDir, flag);
        if (flagPath is not null)
        {
            if (_files.Any(f => f.Final == flagPath))
            {
                throw new UsageException($"--flag '{flag}' is the name of one of this step's outputs; the flag would replace it");
            }

            File.Delete(flagPath);
        }

        foreach (var (temporary, final) in _files)
        {
            if (!File.Exists(temporary))
            {
                throw new InvalidOperationException($"staged output {final} was never written");
            }

            File.Move(temporary, final, overwrite: true);
        }

        if (flagPath is not null)
        {
            SuccessFlag.Write(flagPath);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        foreach (var (temporary, _) in _files)
        {
            File.Delete(temporary);
        }
    }
}
