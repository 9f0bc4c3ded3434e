namespace Orchestrator.Tests.Definition;

/// <summary>A matrix expands a task, and what reads it up to a join, into variants with stable ids, folders and parameters.</summary>
public class SweepTests
{
    [Fact]
    public void A_grid_expands_into_variants_with_stable_ids_folders_and_values_and_a_join_reads_every_variant()
    {
        var graph = Pipeline(trees: ["50", "100"], leaves: ["250", "500"]).Resolve(new Dictionary<string, string>());

        Assert.Equal(
            ["Data", "Train[leaves=250,trees=50]", "Train[leaves=500,trees=50]", "Train[leaves=250,trees=100]", "Train[leaves=500,trees=100]",
             "Score[leaves=250,trees=50]", "Score[leaves=500,trees=50]", "Score[leaves=250,trees=100]", "Score[leaves=500,trees=100]", "Pick"],
            graph.Declared.Select(task => task.Id));
        var variant = graph.Get("Train[leaves=500,trees=100]");
        Assert.Equal("Train", variant.Group);
        Assert.Equal("models/leaves=500,trees=100", variant.OutputDirectory);
        Assert.Equal(new Dictionary<string, string> { ["leaves"] = "500", ["trees"] = "100" }, variant.Parameters);
        Assert.Equal(["--trees", "100", "--leaves", "500", "--data", "/d/data.csv", "--out", "/d/.orchestrator/staging/Train[leaves=500,trees=100]"], variant.Arguments.Select(argument => argument.Render("/d", variant.Id)));
        Assert.Equal(["Train[leaves=500,trees=100]"], graph.Get("Score[leaves=500,trees=100]").DependsOn);

        var pick = graph.Get("Pick");
        Assert.True(pick.IsJoin);
        Assert.Equal(4, pick.DependsOn.Count);
        Assert.Equal(
            ["--in", "/d/scores/leaves=250,trees=50/score.json", "/d/scores/leaves=500,trees=50/score.json", "/d/scores/leaves=250,trees=100/score.json", "/d/scores/leaves=500,trees=100/score.json"],
            pick.Arguments.Select(argument => argument.Render("/d", "Pick")));
    }

    [Fact]
    public void A_wider_grid_keeps_the_ids_and_folders_of_the_variants_it_had()
    {
        var narrow = Pipeline(trees: ["50"], leaves: ["250"]).Resolve(new Dictionary<string, string>());
        var wide = Pipeline(trees: ["50", "100"], leaves: ["250"]).Resolve(new Dictionary<string, string>());

        var before = narrow.Get("Train[leaves=250,trees=50]");
        var after = wide.Get("Train[leaves=250,trees=50]");
        Assert.Equal(before.OutputDirectory, after.OutputDirectory);
        Assert.Equal(before.Parameters, after.Parameters);
        Assert.Equal(before.Arguments.Select(argument => argument.Render("/d", before.Id)), after.Arguments.Select(argument => argument.Render("/d", after.Id)));
    }

    [Fact]
    public void A_join_that_reads_a_single_variant_is_refused()
    {
        var pipeline = new PipelineBuilder("p");
        var train = pipeline.Task("Train").Image("x").Matrix("trees", 1, 2).Args($"{Out.Directory}/m").Output("model", "m");
        pipeline.Task("Pick").Image("x").Join().Args(train.Ref("model")).Output("p", "p");

        Assert.Equal(["task Pick: is a join but reads one variant of Train; use ${Train[*].output}"], Assert.Throws<InvalidPipelineException>(pipeline.Build).Problems);
    }

    private static Pipeline Pipeline(string[] trees, string[] leaves)
    {
        var pipeline = new PipelineBuilder("sweep");
        var data = pipeline.Task("Data").Image("x").Args("true").Output("data", "data.csv");
        var train = pipeline.Task("Train").Image("x").Matrix("trees", trees).Matrix("leaves", leaves)
            .Args("--trees", "${trees}", "--leaves", "${leaves}", "--data", data.Ref("data"), "--out", Out.Directory)
            .OutputDirectory("models").Output("model", "model.zip");
        var score = pipeline.Task("Score").Image("x").Args(train.Ref("model")).OutputDirectory("scores").Output("score", "score.json");
        pipeline.Task("Pick").Image("x").Join().Args("--in", score.Ref("score").All).Output("pick", "pick.json");
        return pipeline.Build();
    }
}
