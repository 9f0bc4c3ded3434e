namespace WinePipeline.Bench.UiBench;

/// <summary>The generated pipelines the bench serves; every task writes one file and reads its dependencies' files.</summary>
internal static class BenchPipelines
{
    private const int Width = 100;

    /// <summary>N tasks in layers of 100, each needing two tasks of the layer before.</summary>
    public static Orchestrator.Pipeline Grid(int count)
    {
        var pipeline = new Orchestrator.PipelineBuilder("ui-bench-grid");
        var tasks = new List<Orchestrator.TaskBuilder>();
        for (var i = 0; i < count; i++)
        {
            var dependencies = i < Width ? [] : new[] { tasks[i - Width], tasks[i - Width - (i % Width == 0 ? 0 : 1)] }.Distinct().ToArray();
            tasks.Add(Define(pipeline, $"Task{i:0000}", dependencies.Select(task => task.Ref("out"))));
        }

        return pipeline.Build();
    }

    /// <summary>Download, Prepare, N Train[trees=k] and N Evaluate[trees=k] variants, one Report joining them all.</summary>
    public static Orchestrator.Pipeline Sweep(int variants)
    {
        var pipeline = new Orchestrator.PipelineBuilder("ui-bench-sweep");
        var download = Define(pipeline, "Download", []);
        var prepare = Define(pipeline, "Prepare", [download.Ref("out")]);
        var train = Define(pipeline, "Train", [prepare.Ref("out")]).Matrix("trees", Enumerable.Range(1, variants).Cast<object>());
        var evaluate = Define(pipeline, "Evaluate", [train.Ref("out"), prepare.Ref("out")]);
        Define(pipeline, "Report", [evaluate.Ref("out").All]).Join();
        return pipeline.Build();
    }

    private static Orchestrator.TaskBuilder Define(Orchestrator.PipelineBuilder pipeline, string id, IEnumerable<Orchestrator.OutputRef> inputs) =>
        pipeline.Task(id).Image("bench/step:1").Args([.. inputs.SelectMany(input => new object[] { "--in", input }), "--out-dir", Orchestrator.Out.Directory])
            .Output("out", $"{id}.out");
}
