using Orchestrator.Definition;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Orchestrator;

/// <summary>
/// Reads a pipeline file (YAML; its JSON Schema is orchestrator/pipeline.schema.json). It maps one to
/// one onto <see cref="PipelineBuilder"/>, so it is checked the same way; every problem names the file,
/// the line, the task and the field.
/// </summary>
public static class PipelineFile
{
    /// <summary>Loads and checks the file; throws <see cref="InvalidPipelineException"/>.</summary>
    public static Pipeline Load(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidPipelineException([$"{path}: cannot read the pipeline file: {e.Message}"]);
        }

        var builder = Parse(text, path, Path.GetDirectoryName(full)!);
        var pipeline = builder.Build();
        return new Pipeline(pipeline.Name, pipeline.Parameters, pipeline.Tasks, pipeline.Report, pipeline.DefaultTarget, pipeline.BaseDirectory) { SourceFile = full };
    }

    internal static PipelineBuilder Parse(string text, string fileName, string directory)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidPipelineException([$"{fileName}:{e.Start.Line}: not valid YAML: {FirstLine(e.InnerException?.Message ?? e.Message)}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidPipelineException([$"{fileName}:1: a pipeline file is a mapping with name, parameters, tasks and report"]);
        }

        var reader = new PipelineFileReader(fileName, directory);
        var builder = reader.Read(root);
        if (reader.Problems.Count > 0)
        {
            throw new InvalidPipelineException(reader.Problems);
        }

        return builder;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
