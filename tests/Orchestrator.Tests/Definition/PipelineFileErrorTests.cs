namespace Orchestrator.Tests.Definition;

/// <summary>Errors in a pipeline file name the file, the line, the task and the field.</summary>
public class PipelineFileErrorTests
{
    [Fact]
    public void An_unknown_reference_names_file_line_task_and_field()
    {
        const string yaml = """
            name: p
            tasks:
              A:
                image: x
                args: [true]
                outputs: { a: a.txt }
              B:
                image: x
                args: [cat, "${A.b}"]
                outputs: { b: b.txt }
            """;

        Assert.Equal(["p.yaml:7: task B, args[1]: unknown reference ${A.b}: task A has no output 'b'; its outputs: a"], Problems(yaml));
    }

    [Fact]
    public void An_unknown_field_lists_the_known_ones()
    {
        const string yaml = """
            name: p
            tasks:
              A:
                image: x
                argz: [true]
                outputs: { a: a.txt }
            """;

        var problem = Assert.Single(Problems(yaml));

        Assert.StartsWith("p.yaml:5: task A: unknown field 'argz'; known fields: image, command, args,", problem);
    }

    [Fact]
    public void Wrong_types_and_values_are_each_reported_with_their_line()
    {
        const string yaml = """
            name: p
            tasks:
              A:
                image: [not, a, string]
                args: [true]
                outputs: { a: a.txt }
                network: maybe
                resources: { memory: lots }
                timeout: soon
            """;

        Assert.Equal(
            [
                "p.yaml:4: task A, image: a single value is required here",
                "p.yaml:7: task A, network: 'maybe' is not one of true, false, yes, no",
                "p.yaml:8: task A, resources.memory: 'lots' is not a size such as 512m or 2g",
                "p.yaml:9: task A, timeout: 'soon' is not a duration such as 90s, 10m or 2h",
            ],
            Problems(yaml));
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        var problem = Assert.Single(Problems("name: p\ntasks:\n  A: [unclosed\n"));

        Assert.StartsWith("p.yaml:4: not valid YAML:", problem);
    }

    [Fact]
    public void A_missing_file_is_one_line()
    {
        var problem = Assert.Single(Assert.Throws<InvalidPipelineException>(() => PipelineFile.Load("/nonexistent/pipeline.yaml")).Problems);

        Assert.StartsWith("/nonexistent/pipeline.yaml: cannot read the pipeline file:", problem);
    }

    private static IReadOnlyList<string> Problems(string yaml) =>
        Assert.Throws<InvalidPipelineException>(() => PipelineFile.Parse(yaml, "p.yaml", "/tmp").Build()).Problems;
}
