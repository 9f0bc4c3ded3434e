using Orchestrator;

var pipeline = new PipelineBuilder("numbers");
var count = pipeline.Parameter("count", "100", environmentVariable: "NUMBERS_COUNT");
var image = pipeline.Parameter("image", "busybox:1.36");

var generate = pipeline.Task("Generate").Image($"{image}")
    .Args("sh", "-c", $"seq 1 {count} > {Out.Directory}/all.txt")
    .OutputDirectory("numbers").Output("all", "all.txt");
var evens = pipeline.Task("Evens").Image($"{image}")
    .Args("sh", "-c", $"grep '[02468]$' {generate.Ref("all")} > {Out.Directory}/evens.txt")
    .OutputDirectory("numbers").Output("evens", "evens.txt");
var odds = pipeline.Task("Odds").Image($"{image}")
    .Args("sh", "-c", $"grep '[13579]$' {generate.Ref("all")} > {Out.Directory}/odds.txt")
    .OutputDirectory("numbers").Output("odds", "odds.txt");
var report = pipeline.Task("Report").Image($"{image}")
    .Args("sh", "-c", $"echo \"{{\\\"evens\\\": $(wc -l < {evens.Ref("evens")}), \\\"odds\\\": $(wc -l < {odds.Ref("odds")})}}\" > {Out.Directory}/counts.json")
    .OutputDirectory("report").Output("counts", "counts.json").CompleteWhen(Completion.Flag);

pipeline.Report("Even and odd numbers", report.Ref("counts"), ["evens", "odds"]);
return await PipelineCli.RunAsync(pipeline.Build(), args);
