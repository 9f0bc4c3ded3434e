using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Definition;

public sealed class PipelineFileTests : IDisposable
{
    private const string Numbers = """
        name: numbers
        parameters:
          size: "3"
        tasks:
          Numbers:
            args: [sh, -c, "seq ${size} > ${out}/n.txt"]
            outputs: {numbers: n.txt}
          Sum:
            args: [sh, -c, "awk '{s+=$$1} END {print s}' ${Numbers.numbers} > ${out}/sum.txt"]
            output-dir: out
            outputs: {sum: sum.txt}
        """;

    private readonly TempDirectory directory = new();

    private string DataRoot => directory.Combine("data");

    [Fact]
    public async Task Pipeline_file_runs_its_commands_as_local_processes_and_reruns_only_after_a_parameter_changed()
    {
        var file = Write("numbers.yaml", Numbers);

        var first = await RunAsync("run", "-f", file, "--executor", "process", "--data-root", DataRoot);
        var numbersOfThree = File.ReadAllText(Path.Combine(DataRoot, "n.txt"));
        var sumOfThree = File.ReadAllText(Path.Combine(DataRoot, "out", "sum.txt"));
        var again = await RunAsync("run", "-f", file, "--executor", "process", "--data-root", DataRoot);
        var four = await RunAsync("run", "-f", file, "--executor", "process", "--data-root", DataRoot, "-p", "size=4");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(("1\n2\n3\n", "6\n"), (numbersOfThree, sumOfThree));
        Assert.Equal(["nothing to run: Sum is complete", "summary: 0 ran, 2 already complete, 0 failed"], again.OutLines[^2..]);
        Assert.Equal("summary: 2 ran, 0 already complete, 0 failed", four.LastLine);
        Assert.Equal("10\n", File.ReadAllText(Path.Combine(DataRoot, "out", "sum.txt")));
    }

    [Fact]
    public async Task Cycle_in_a_pipeline_file_fails_the_run_with_exit_2_before_anything_is_created()
    {
        var file = Write("cycle.yaml", """
            name: cycle
            tasks:
              A:
                args: [sh, -c, "cat ${B.b} > ${out}/a"]
                outputs: {a: a}
              B:
                args: [sh, -c, "cat ${A.a} > ${out}/b"]
                outputs: {b: b}
            """);

        var result = await RunAsync("run", "A", "-f", file, "--executor", "process", "--data-root", DataRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("orchestrator: error: the task graph has a cycle: A -> B -> A\n", result.Error);
        Assert.False(Directory.Exists(DataRoot), "nothing, not even the data root or its run lock, may be created");
    }

    [Fact]
    public async Task Every_problem_in_a_pipeline_file_is_one_line_naming_the_file_line_task_and_field()
    {
        var file = Write("broken.yaml", """
            name: broken
            tasks:
              A:
                image: busybox
                args: [sh, -c, "cat ${Z.out} > ${out}/a"]
                outputs: {a: a}
              B:
                image: busybox
                args: [sh, -c, "echo > ${out}/b"]
            """);

        var result = await RunAsync("status", "-f", file, "--data-root", DataRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                $"orchestrator: error: {file}:7: task B: declares no outputs; declare its output files, or complete it with a flag",
                $"orchestrator: error: {file}:3: task A, args[2]: unknown reference ${{Z.out}}: there is no task Z; tasks: A, B",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Misspelt_field_in_a_pipeline_file_names_the_file_line_and_the_known_fields()
    {
        var file = Write("misspelt.yaml", """
            name: misspelt
            tasks:
              A:
                image: busybox
                args: [sh, -c, "echo > ${out}/a"]
                outptus: {a: a}
            """);

        var result = await RunAsync("run", "-f", file, "--data-root", DataRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"orchestrator: error: {file}:6: task A: unknown field 'outptus'; known fields: image, command, args, env, output-dir, outputs, complete-when, network, resources, retry, timeout, constraints, code, build, matrix, join\n",
            result.Error);
    }

    [Fact]
    public async Task Task_declared_twice_in_a_pipeline_file_is_one_line_naming_the_file_and_line()
    {
        var file = Write("twice.yaml", """
            name: twice
            tasks:
              A:
                args: [sh, -c, "echo > ${out}/a"]
                outputs: {a: a}
              A:
                args: [sh, -c, "echo > ${out}/a"]
                outputs: {a: a}
            """);

        var result = await RunAsync("status", "-f", file, "--data-root", DataRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"orchestrator: error: {file}:6", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Unreadable_pipeline_file_is_one_line_naming_it()
    {
        var missing = directory.Combine("absent.yaml");

        var result = await RunAsync("status", "-f", missing, "--data-root", DataRoot);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"orchestrator: error: {missing}: cannot read the pipeline file: ", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => directory.Dispose();

    private string Write(string name, string yaml)
    {
        var path = directory.Combine(name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(args);
}
