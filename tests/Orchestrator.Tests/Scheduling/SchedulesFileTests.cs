using Orchestrator.Scheduling;
using Orchestrator.Tests.Support;

namespace Orchestrator.Tests.Scheduling;

public class SchedulesFileTests
{
    [Fact]
    public void Schedules_file_gives_each_entry_its_cron_task_and_dataset_url()
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("schedules.json");
        File.WriteAllText(path, """
            [
              {"cron": "0 0 3 * * ?", "task": "EvaluateModel", "datasetUrl": "file:///data/wine.csv"},
              {"cron": "0 30 * * * ?"}
            ]
            """);

        var schedules = SchedulesFile.Load(path);

        Assert.Equal(
            [new ScheduleDefinition("0 0 3 * * ?", "EvaluateModel", "file:///data/wine.csv"), new ScheduleDefinition("0 30 * * * ?")],
            schedules);
    }

    [Theory]
    [InlineData("""{"cron": "0 0 3 * * ?"}""", "expected a non-empty JSON array of schedules")]
    [InlineData("[]", "expected a non-empty JSON array of schedules")]
    [InlineData("[\n{\"cron\": }]", "not valid JSON at line 2")]
    [InlineData("""[{"cron": "0 0 3 * * ?"}, {"task": "TrainModel"}]""", "schedule #2: \"cron\" is missing")]
    [InlineData("""[{"cron": "0 0 25 * * ?"}]""", "schedule #1: invalid cron expression '0 0 25 * * ?'; Quartz cron has 6 or 7 fields")]
    [InlineData("""[{"cron": "0 0 3 * * ?", "tsak": "TrainModel"}]""", "schedule #1: unknown field \"tsak\"; the fields are cron, task, datasetUrl")]
    [InlineData("""[{"cron": "0 0 3 * * ?", "task": 7}]""", "schedule #1: \"task\" must be a non-empty string")]
    [InlineData("""["0 0 3 * * ?"]""", "schedule #1: expected an object with \"cron\", got string")]
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
