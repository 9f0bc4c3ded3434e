namespace Orchestrator.Tests.Definition;

/// <summary>Every invalid definition is refused before anything runs, one line per problem naming the task.</summary>
public class DefinitionErrorTests
{
    [Fact]
    public void An_unknown_reference_names_the_task_the_argument_and_the_known_tasks()
    {
        var pipeline = new PipelineBuilder("p");
        pipeline.Task("A").Image("x").Args("sh", "-c", $"echo > {Out.Directory}/a").Output("a", "a");
        pipeline.Task("B").Image("x").Args("cat", "${Nope.a}").Output("b", "b");

        var problems = Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems;

        Assert.Equal(["task B, args[1]: unknown reference ${Nope.a}: there is no task Nope; tasks: A, B"], problems);
    }

    [Fact]
    public void An_unknown_output_and_an_unknown_parameter_are_both_reported()
    {
        var pipeline = new PipelineBuilder("p");
        var a = pipeline.Task("A").Image("x").Args("true").Output("a", "a");
        pipeline.Task("B").Image("${tag}").Args("cat", a.Ref("zzz")).Output("b", "b");

        var problems = Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems;

        Assert.Equal(
            ["task B, image: unknown reference ${tag}; parameters: (none)", "task B, args[1]: unknown reference ${A.zzz}: task A has no output 'zzz'; its outputs: a"],
            problems);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var pipeline = new PipelineBuilder("p");
        pipeline.Task("A").Image("x").Args("${C.c}").Output("a", "a");
        pipeline.Task("B").Image("x").Args("${A.a}").Output("b", "b");
        pipeline.Task("C").Image("x").Args("${B.b}").Output("c", "c");

        var problem = Assert.Single(Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);

        Assert.Equal("the task graph has a cycle: A -> C -> B -> A", problem);
    }

    [Fact]
    public void Two_producers_of_one_path_are_refused()
    {
        var pipeline = new PipelineBuilder("p");
        pipeline.Task("A").Image("x").Args("true").OutputDirectory("out").Output("result", "r.csv");
        pipeline.Task("B").Image("x").Args("true").OutputDirectory("out").Output("result", "r.csv");

        var problem = Assert.Single(Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);

        Assert.Equal("task B, outputs.result: out/r.csv is also written by task A; a path has one producer", problem);
    }

    [Fact]
    public void A_path_that_no_task_writes_lists_the_written_paths()
    {
        var pipeline = new PipelineBuilder("p");
        pipeline.Task("A").Image("x").Args("true").OutputDirectory("raw").Output("data", "data.csv");
        pipeline.Task("B").Image("x").Args("cat", Out.Data("raw/other.csv")).Output("b", "b");

        var problem = Assert.Single(Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);

        Assert.Equal("task B, args[1]: reads raw/other.csv, which no task writes; written paths: b, raw/data.csv", problem);
    }

    [Theory]
    [InlineData("../escape", "task A, outputs.a: '../escape' must be a relative path inside its output folder")]
    [InlineData("/etc/passwd", "task A, outputs.a: '/etc/passwd' must be a relative path inside its output folder")]
    public void An_output_cannot_leave_the_data_root(string file, string expected)
    {
        var pipeline = new PipelineBuilder("p");
        pipeline.Task("A").Image("x").Args("true").Output("a", file);

        Assert.Equal([expected], Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);
    }

    [Fact]
    public void A_task_reading_its_own_output_is_told_to_write_into_out()
    {
        var pipeline = new PipelineBuilder("p");
        var a = pipeline.Task("A").Image("x").Output("a", "a");
        a.Args("cat", a.Ref("a"));

        Assert.Equal(["task A, args[1]: refers to its own output a; write it into ${out}"], Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);
    }

    [Fact]
    public void The_edge_comes_from_the_reference_and_the_input_is_fingerprinted()
    {
        var pipeline = new PipelineBuilder("p");
        var a = pipeline.Task("A").Image("x").Args("true").OutputDirectory("raw").Output("data", "data.csv");
        pipeline.Task("B").Image("x").Args($"--in={a.Ref("data")}", "--out", Out.Directory).Output("b", "b.txt");

        var graph = pipeline.Build().Resolve(new Dictionary<string, string>());
        var b = graph.Get("B");

        Assert.Equal(["A"], b.DependsOn);
        Assert.Equal(["raw/data.csv"], b.Inputs);
        Assert.Equal(["--in=/usr/share/data/raw/data.csv", "--out", "/usr/share/data/.orchestrator/staging/B"], b.Arguments.Select(argument => argument.Render("/usr/share/data", "B")));
        Assert.Equal(["--in=/srv/d/raw/data.csv", "--out", "/srv/d/.orchestrator/staging/B"], b.Arguments.Select(argument => argument.Render("/srv/d", "B")));
    }
}
