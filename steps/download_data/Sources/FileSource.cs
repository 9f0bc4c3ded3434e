using WinePipeline.StepKit;
using WinePipeline.StepKit.Hosting;

namespace WinePipeline.Steps.DownloadData.Sources;

/// <summary>A local regular file (a plain path or a file:// URL), copied as is. <paramref name="source"/>
/// is how messages name it: the path, or the URL without credentials.</summary>
public sealed class FileSource(string sourcePath, string source) : IDataSource
{
    public void FetchTo(Stream target, StepContext context)
    {
        switch (LocalFileKind.NotRegular(sourcePath))
        {
            case LocalFileKind.Missing when source == sourcePath:
                throw InvalidInputException.FileNotFound(sourcePath);
            case LocalFileKind.Missing:
                throw new InvalidInputException($"{source}: file not found ({sourcePath})");
            case { } kind:
                throw new InvalidInputException($"{source}: {kind}, not a regular file; only regular files are read");
        }

        using var file = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            target.Write(buffer, 0, read);
        }
    }
}
