using System.Text.Json;
using Json.Schema;
using Orchestrator.Tests.Examples;
using YamlDotNet.Serialization;

namespace Orchestrator.Tests.Definition;

/// <summary>The JSON Schema shipped for editors accepts the example pipeline file and rejects what the loader rejects.</summary>
public class PipelineSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(ProgramRun.RepositoryRoot, "orchestrator", "pipeline.schema.json"));

    [Fact]
    public void The_example_pipeline_file_is_valid()
    {
        var result = Schema.Evaluate(AsJson(File.ReadAllText(Path.Combine(ProgramRun.RepositoryRoot, "examples", "numbers", "pipeline.yaml"))), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(detail => detail.Errors is not null).SelectMany(detail => detail.Errors!.Values)));
    }

    [Theory]
    [InlineData("name: p\ntasks:\n  A:\n    argz: [x]\n")]
    [InlineData("name: p\ntasks:\n  A:\n    complete-when: sometimes\n")]
    [InlineData("name: p\ntasks:\n  \"A/B\":\n    args: [x]\n")]
    [InlineData("tasks:\n  A:\n    args: [x]\n")]
    public void Invalid_files_are_invalid(string yaml)
    {
        Assert.False(Schema.Evaluate(AsJson(yaml)).IsValid);
    }

    private static JsonElement AsJson(string yaml)
    {
        var data = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        using var document = JsonDocument.Parse(new SerializerBuilder().JsonCompatible().Build().Serialize(data));
        return document.RootElement.Clone();
    }
}
