using Orchestrator.Scheduling;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Scheduling;

public class SchedulesFileTests
{
    [Fact]
    public void Schedules_file_gives_each_entry_its_cron_task_and_parameter_values()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("schedules.json");
        File.WriteAllText(path, """
            [
              {"cron": "0 0 3 * * ?", "task": "EvaluateModel", "parameters": {"dataset-url": "file:///data/wine.csv"}},
              {"cron": "0 30 * * * ?"}
            ]
            """);

        var schedules = SchedulesFile.Load(path);

        Assert.Equal(["0 0 3 * * ? EvaluateModel dataset-url=file:///data/wine.csv", "0 30 * * * ?"], schedules.Select(schedule => schedule.Name));
        Assert.Equal(("0 0 3 * * ?", "EvaluateModel"), (schedules[0].Cron, schedules[0].Task));
        Assert.Equal(new Dictionary<string, string> { ["dataset-url"] = "file:///data/wine.csv" }, schedules[0].Parameters);
        Assert.Equal(("0 30 * * * ?", null), (schedules[1].Cron, schedules[1].Task));
        Assert.Empty(schedules[1].Parameters);
    }

    [Theory]
    [InlineData("""{"cron": "0 0 3 * * ?"}""", "expected a non-empty JSON array of schedules")]
    [InlineData("[]", "expected a non-empty JSON array of schedules")]
    [InlineData("[\n{\"cron\": }]", "not valid JSON at line 2")]
    [InlineData("""[{"cron": "0 0 3 * * ?"}, {"task": "TrainModel"}]""", "schedule #2: \"cron\" is missing")]
    [InlineData("""[{"cron": "0 0 25 * * ?"}]""", "schedule #1: invalid cron expression '0 0 25 * * ?'; Quartz cron has 6 or 7 fields")]
    [InlineData("""[{"cron": "0 0 3 * * ?", "tsak": "TrainModel"}]""", "schedule #1: unknown field \"tsak\"; the fields are cron, task, parameters")]
    [InlineData("""[{"cron": "0 0 3 * * ?", "task": 7}]""", "schedule #1: \"task\" must be a non-empty string")]
    [InlineData("""["0 0 3 * * ?"]""", "schedule #1: expected an object with \"cron\", got string")]
    [InlineData("""[{"cron": "0 0 3 * * ?", "parameters": {"rows": 100}}]""", "schedule #1: \"parameters\" must be an object of names to string values")]
    public void Bad_schedules_file_is_one_line_naming_the_file_and_entry(string json, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("schedules.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidScheduleException>(() => SchedulesFile.Load(path));

        Assert.StartsWith($"{path}: {expected}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Missing_schedules_file_names_it()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("nope.json");

        var error = Assert.Throws<InvalidScheduleException>(() => SchedulesFile.Load(path));

        Assert.StartsWith($"{path}: cannot read the schedules file: ", error.Message);
    }
}
